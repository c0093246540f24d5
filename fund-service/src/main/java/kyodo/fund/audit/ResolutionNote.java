package kyodo.fund.audit;

import java.time.Instant;

/** The auditor's latest note on an unmatched item: why it differs and what was done about it. */
public record ResolutionNote(String text, String writtenBy, Instant writtenAt) {
}
