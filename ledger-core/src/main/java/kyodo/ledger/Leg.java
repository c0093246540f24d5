package kyodo.ledger;

import java.time.Duration;

/**
 * One requested movement inside an entry. Each kind of leg debits and credits the same amount, so an entry
 * built from legs is balanced per asset by construction.
 */
public sealed interface Leg {

    /** Moves {@code amount} from {@code debit} to {@code credit} now. */
    record Transfer(AccountId debit, AccountId credit, Amount amount) implements Leg {
    }

    /**
     * Reserves {@code amount} (it counts against the debit account's available balance) until it is posted or
     * voided, or until {@code timeout} (optional, {@code null} for none) lets the expiry sweep void it.
     */
    record Hold(AccountId debit, AccountId credit, Amount amount, Duration timeout) implements Leg {
    }

    /** Posts a pending leg, in full when {@code amount} is {@code null}, else partially (the rest is released). */
    record PostPending(PendingId pending, Long amount) implements Leg {
    }

    /** Releases a pending leg without moving anything. */
    record VoidPending(PendingId pending) implements Leg {
    }

    static Leg transfer(AccountId debit, AccountId credit, Amount amount) {
        return new Transfer(debit, credit, amount);
    }

    static Leg hold(AccountId debit, AccountId credit, Amount amount, Duration timeout) {
        return new Hold(debit, credit, amount, timeout);
    }

    static Leg postPending(PendingId pending) {
        return new PostPending(pending, null);
    }

    static Leg postPending(PendingId pending, long amount) {
        return new PostPending(pending, amount);
    }

    static Leg voidPending(PendingId pending) {
        return new VoidPending(pending);
    }
}
