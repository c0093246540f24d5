package kyodo.ledger;

import java.util.Comparator;
import java.util.List;

/**
 * How both ledgers void holds whose timeout has passed: oldest expiry first, one entry per hold, with a key
 * derived from the hold's position so that running the sweep twice, or in two processes, voids it once.
 */
public final class ExpirySweep {
    public static final String ACTOR = "ledger:expiry-sweep";
    public static final Comparator<PendingState> ORDER = Comparator
            .comparing((PendingState p) -> p.leg().expiresAt())
            .thenComparingLong(PendingState::sequence)
            .thenComparingInt(p -> p.leg().index());

    private ExpirySweep() {
    }

    public static EntryRequest voidRequest(PendingState pending) {
        String key = "expire:" + pending.sequence() + ":" + pending.leg().index();
        return new EntryRequest(new EntryKey(key), EntryKind.VOID, ACTOR, "hold expired", null,
                List.of(Leg.voidPending(pending.id())));
    }
}
