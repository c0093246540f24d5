package kyodo.fund.report;

import kyodo.ledger.calendar.BusinessCalendar;
import java.time.Instant;

/**
 * The signed checkpoint a report was computed at: the figures cover exactly the entries with sequence at most
 * {@code treeSize}, whose Merkle root is {@code rootHex}. {@code note} is the signed note as published, so a
 * reader can check its signature and the root against the public log at {@link #VERIFY_PATH}.
 */
public record ReportCheckpoint(long treeSize, String rootHex, String rootBase64, String note, Instant createdAt) {
    /** The public log's latest checkpoint (served by the log endpoints). */
    public static final String CHECKPOINT_PATH = "/log/checkpoint";
    /** The page that explains, in plain words, how to verify a report or receipt against the log. */
    public static final String VERIFY_PATH = "/log";
    /** Where the host application serves the verifier, ledger-core's jar (JDK only). */
    public static final String VERIFIER_PATH = "/log/verifier.jar";

    /** Before the first checkpoint: no entry is covered yet. */
    public static final ReportCheckpoint NONE = new ReportCheckpoint(0, "", "", "", null);

    /** When it was signed, in the ward's time, as people read it. */
    public String signedAtTokyo() {
        return createdAt == null ? "" : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .withZone(BusinessCalendar.ZONE).format(createdAt);
    }

    public boolean exists() {
        return createdAt != null;
    }
}
