package kyodo.ledger;

/** A ledger (tenant): one municipality's books. Every ledger row carries it. */
public record LedgerId(long value) {
    public LedgerId {
        if (value <= 0) {
            throw new IllegalArgumentException("ledger id must be positive, was " + value);
        }
    }
}
