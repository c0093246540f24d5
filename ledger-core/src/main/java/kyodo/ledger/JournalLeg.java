package kyodo.ledger;

import java.time.Instant;

/**
 * A leg as it stands in the journal.
 *
 * @param released        for {@link LegKind#POST_PENDING} and {@link LegKind#VOID_PENDING}: the pending amount
 *                        taken out of the pending totals; else 0
 * @param pendingSequence for resolutions: the sequence of the entry holding the pending leg; else 0
 * @param pendingLeg      for resolutions: the index of the pending leg; else -1
 * @param expiresAt       for pending legs with a timeout: when the sweep may void it; else {@code null}
 */
public record JournalLeg(
        int index,
        LegKind kind,
        AccountId debit,
        AccountId credit,
        Asset asset,
        long amount,
        long released,
        long pendingSequence,
        int pendingLeg,
        Instant expiresAt) {

    public Totals debitEffect() {
        return kind.debitEffect(amount, released);
    }

    public Totals creditEffect() {
        return kind.creditEffect(amount, released);
    }

    /** What the leg added to the posted totals of both its accounts (by {@link LegKind}'s rule: 0 unless posted). */
    public long postedAmount() {
        return debitEffect().debitsPosted();
    }
}
