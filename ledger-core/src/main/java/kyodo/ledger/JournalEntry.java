package kyodo.ledger;

import java.time.Instant;
import java.util.List;

/**
 * An entry as it stands in the journal: its gapless sequence number, the ledger's timestamp, and the chain
 * hash after it ({@code SHA-256(previous hash || canonical bytes)}, see {@code CanonicalEncoding}).
 */
public record JournalEntry(
        LedgerId ledger,
        long sequence,
        EntryKey key,
        EntryKind kind,
        String actor,
        String memo,
        String metadata,
        Instant postedAt,
        List<JournalLeg> legs,
        byte[] hash) {

    public JournalEntry {
        legs = List.copyOf(legs);
        hash = hash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JournalEntry that
                && ledger.equals(that.ledger)
                && sequence == that.sequence
                && key.equals(that.key)
                && kind.equals(that.kind)
                && actor.equals(that.actor)
                && memo.equals(that.memo)
                && java.util.Objects.equals(metadata, that.metadata)
                && postedAt.equals(that.postedAt)
                && legs.equals(that.legs)
                && java.util.Arrays.equals(hash, that.hash);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(ledger, sequence, key);
    }

    @Override
    public String toString() {
        return "JournalEntry[" + sequence + " " + key + " " + kind + " " + legs + "]";
    }
}
