package kyodo.ledger;

/**
 * A pending leg as the decision sees it: its name, where it is in the journal, what it holds, and whether it
 * is still open.
 */
public record PendingState(PendingId id, long sequence, JournalLeg leg, Resolution resolution) {
    public enum Resolution { OPEN, POSTED, VOIDED }

    public PendingState resolvedBy(LegKind resolution) {
        return switch (resolution) {
            case POST_PENDING -> new PendingState(id, sequence, leg, Resolution.POSTED);
            case VOID_PENDING -> new PendingState(id, sequence, leg, Resolution.VOIDED);
            default -> throw new IllegalArgumentException(resolution + " does not resolve a pending leg");
        };
    }
}
