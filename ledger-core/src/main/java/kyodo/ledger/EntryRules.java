package kyodo.ledger;

import kyodo.ledger.journal.json.JsonReader;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checks every ledger makes on a request before it looks at the books: shape, bounds and text. Both
 * implementations call this, so they refuse exactly the same requests with the same codes.
 */
public final class EntryRules {
    /** The longest a hold may wait before the sweep voids it. */
    public static final Duration HOLD_TIMEOUT_MAX = Duration.ofDays(400);

    private EntryRules() {
    }

    /** The rejection of a malformed request, or empty when the books must decide. */
    public static Optional<PostResult> check(EntryRequest request) {
        EntryKey key = request.key();
        if (key == null || request.kind() == null || request.actor() == null || request.memo() == null
                || request.legs() == null || key.value() == null || request.kind().code() == null) {
            return reject(key, ResultCode.MISSING_FIELD, -1);
        }
        if (!key.valid()) {
            return reject(key, ResultCode.KEY_INVALID, -1);
        }
        if (!request.kind().valid()) {
            return reject(key, ResultCode.KIND_INVALID, -1);
        }
        String actor = request.actor();
        if (actor.isBlank() || actor.length() > Ledger.ACTOR_LENGTH_MAX || !printable(actor, false)) {
            return reject(key, ResultCode.ACTOR_INVALID, -1);
        }
        if (request.memo().length() > Ledger.MEMO_LENGTH_MAX) {
            return reject(key, ResultCode.MEMO_TOO_LONG, -1);
        }
        if (!printable(request.memo(), true)) {
            return reject(key, ResultCode.MEMO_INVALID, -1);
        }
        String metadata = request.metadata();
        if (metadata != null) {
            if (metadata.length() > Ledger.METADATA_BYTES_MAX
                    || metadata.getBytes(StandardCharsets.UTF_8).length > Ledger.METADATA_BYTES_MAX) {
                return reject(key, ResultCode.METADATA_TOO_LARGE, -1);
            }
            if (!JsonReader.isObject(metadata)) {
                return reject(key, ResultCode.METADATA_NOT_JSON, -1);
            }
        }
        List<Leg> legs = request.legs();
        if (legs.isEmpty()) {
            return reject(key, ResultCode.NO_LEGS, -1);
        }
        if (legs.size() > Ledger.LEGS_MAX) {
            return reject(key, ResultCode.TOO_MANY_LEGS, -1);
        }
        Set<PendingId> resolved = new HashSet<>();
        for (int i = 0; i < legs.size(); i++) {
            ResultCode problem = checkLeg(legs.get(i), resolved);
            if (problem != null) {
                return reject(key, problem, i);
            }
        }
        return Optional.empty();
    }

    private static ResultCode checkLeg(Leg leg, Set<PendingId> resolved) {
        if (leg == null) {
            return ResultCode.MISSING_FIELD;
        }
        if (leg instanceof Leg.Transfer t) {
            return checkMovement(t.debit(), t.credit(), t.amount());
        }
        if (leg instanceof Leg.Hold h) {
            ResultCode movement = checkMovement(h.debit(), h.credit(), h.amount());
            if (movement != null) {
                return movement;
            }
            boolean timeoutOk = h.timeout() == null
                    || (h.timeout().compareTo(Duration.ofMillis(1)) >= 0
                        && h.timeout().compareTo(HOLD_TIMEOUT_MAX) <= 0);
            return timeoutOk ? null : ResultCode.TIMEOUT_INVALID;
        }
        if (leg instanceof Leg.PostPending p) {
            ResultCode reference = checkPendingReference(p.pending(), resolved);
            if (reference != null) {
                return reference;
            }
            return p.amount() != null && p.amount() <= 0 ? ResultCode.AMOUNT_NOT_POSITIVE : null;
        }
        return checkPendingReference(((Leg.VoidPending) leg).pending(), resolved);
    }

    private static ResultCode checkMovement(AccountId debit, AccountId credit, Amount amount) {
        if (debit == null || credit == null || amount == null) {
            return ResultCode.MISSING_FIELD;
        }
        if (amount.minor() <= 0) {
            return ResultCode.AMOUNT_NOT_POSITIVE;
        }
        if (debit.equals(credit)) {
            return ResultCode.SAME_ACCOUNT_ON_BOTH_SIDES;
        }
        return null;
    }

    private static ResultCode checkPendingReference(PendingId pending, Set<PendingId> resolved) {
        if (pending == null || pending.entry() == null || pending.entry().value() == null) {
            return ResultCode.MISSING_FIELD;
        }
        if (!pending.entry().valid() || pending.leg() < 0 || pending.leg() >= Ledger.LEGS_MAX) {
            return ResultCode.PENDING_NOT_FOUND;
        }
        return resolved.add(pending) ? null : ResultCode.PENDING_RESOLVED_TWICE_IN_ENTRY;
    }

    /** See {@link DisplayText#printable}: no control, bidirectional-control or lone surrogate characters. */
    static boolean printable(String text, boolean allowLineBreaks) {
        return DisplayText.printable(text, allowLineBreaks);
    }

    private static Optional<PostResult> reject(EntryKey key, ResultCode code, int leg) {
        return Optional.of(PostResult.rejected(key, code, leg));
    }
}
