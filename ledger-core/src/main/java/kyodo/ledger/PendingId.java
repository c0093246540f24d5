package kyodo.ledger;

/** A pending leg, named by the key of the entry that holds it and its index in that entry. */
public record PendingId(EntryKey entry, int leg) {
    @Override
    public String toString() {
        return entry + "#" + leg;
    }
}
