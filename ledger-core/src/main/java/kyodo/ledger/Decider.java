package kyodo.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rules of {@link EntryDecision#decide}: how one leg after another is checked and applied. */
final class Decider {
    private Decider() {
    }

    static EntryDecision decide(EntryRequest request, byte[] digest, Instant now, BookState books) {
        EntryKey key = request.key();
        BookState.PostedKey earlier = books.posted(key);
        if (earlier != null) {
            ResultCode code = Arrays.equals(earlier.requestDigest(), digest)
                    ? ResultCode.ALREADY_POSTED : ResultCode.KEY_REUSED_WITH_DIFFERENT_REQUEST;
            return new EntryDecision.Rejected(code == ResultCode.ALREADY_POSTED
                    ? PostResult.posted(key, code, earlier.sequence())
                    : PostResult.rejected(key, code, -1));
        }
        Map<AccountId, Account> touched = new LinkedHashMap<>();
        List<JournalLeg> legs = new ArrayList<>(request.legs().size());
        for (int i = 0; i < request.legs().size(); i++) {
            Outcome outcome = journalLeg(i, request.legs().get(i), now, books, touched);
            if (outcome.refusal() != null) {
                return new EntryDecision.Rejected(PostResult.rejected(key, outcome.refusal(), i));
            }
            JournalLeg leg = outcome.leg();
            ResultCode problem = apply(leg, touched);
            if (problem != null) {
                return new EntryDecision.Rejected(PostResult.rejected(key, problem, i));
            }
            legs.add(leg);
        }
        Map<AccountId, Totals> totals = new LinkedHashMap<>();
        touched.forEach((id, account) -> totals.put(id, account.totals()));
        return new EntryDecision.Accepted(legs, totals);
    }

    /** The journal leg a requested leg becomes, or the result code that refuses it. */
    private record Outcome(JournalLeg leg, ResultCode refusal) {
        static Outcome of(JournalLeg leg) {
            return new Outcome(leg, null);
        }

        static Outcome refused(ResultCode refusal) {
            return new Outcome(null, refusal);
        }
    }

    private static Outcome journalLeg(int index, Leg leg, Instant now, BookState books,
                                     Map<AccountId, Account> touched) {
        if (leg instanceof Leg.Transfer t) {
            return movement(index, LegKind.POSTED, t.debit(), t.credit(), t.amount(), null, books, touched);
        }
        if (leg instanceof Leg.Hold h) {
            return movement(index, LegKind.PENDING, h.debit(), h.credit(), h.amount(),
                    h.timeout() == null ? null : now.plus(h.timeout()), books, touched);
        }
        if (leg instanceof Leg.PostPending p) {
            return resolution(index, p.pending(), true, p.amount(), now, books, touched);
        }
        return resolution(index, ((Leg.VoidPending) leg).pending(), false, null, now, books, touched);
    }

    private static Outcome movement(int index, LegKind kind, AccountId debitId, AccountId creditId, Amount amount,
                                   Instant expiresAt, BookState books, Map<AccountId, Account> touched) {
        Account debit = current(debitId, books, touched);
        Account credit = current(creditId, books, touched);
        if (debit == null || credit == null) {
            return Outcome.refused(ResultCode.ACCOUNT_NOT_FOUND);
        }
        if (debit.closed() || credit.closed()) {
            return Outcome.refused(ResultCode.ACCOUNT_CLOSED);
        }
        if (!debit.asset().equals(amount.asset()) || !credit.asset().equals(amount.asset())) {
            return Outcome.refused(ResultCode.ASSET_MISMATCH);
        }
        return Outcome.of(new JournalLeg(index, kind, debitId, creditId, amount.asset(), amount.minor(), 0, 0, -1,
                expiresAt));
    }

    private static Outcome resolution(int index, PendingId id, boolean post, Long postAmount, Instant now,
                                     BookState books, Map<AccountId, Account> touched) {
        PendingState pending = books.pending(id);
        if (pending == null) {
            return Outcome.refused(ResultCode.PENDING_NOT_FOUND);
        }
        switch (pending.resolution()) {
            case POSTED -> {
                return Outcome.refused(ResultCode.PENDING_ALREADY_POSTED);
            }
            case VOIDED -> {
                return Outcome.refused(ResultCode.PENDING_ALREADY_VOIDED);
            }
            case OPEN -> {
                // decided below
            }
        }
        JournalLeg held = pending.leg();
        // An expired hold can still be voided (that is what the sweep does), but no longer posted.
        if (post && held.expiresAt() != null && !now.isBefore(held.expiresAt())) {
            return Outcome.refused(ResultCode.PENDING_EXPIRED);
        }
        long released = held.amount();
        long amount = postAmount == null ? released : postAmount;
        if (amount > released) {
            return Outcome.refused(ResultCode.POST_AMOUNT_EXCEEDS_PENDING);
        }
        if (current(held.debit(), books, touched) == null || current(held.credit(), books, touched) == null) {
            throw new IllegalStateException("accounts of pending " + id + " are missing from the books");
        }
        return Outcome.of(new JournalLeg(index, post ? LegKind.POST_PENDING : LegKind.VOID_PENDING, held.debit(),
                held.credit(), held.asset(), amount, released, pending.sequence(), held.index(), null));
    }

    /** The account as this entry's earlier legs left it, loaded from the books on first use. */
    private static Account current(AccountId id, BookState books, Map<AccountId, Account> touched) {
        Account account = touched.get(id);
        if (account == null) {
            account = books.account(id);
            if (account != null) {
                touched.put(id, account);
            }
        }
        return account;
    }

    /** Adds the leg to its accounts' totals and checks their rules; returns the broken rule, if any. */
    private static ResultCode apply(JournalLeg leg, Map<AccountId, Account> touched) {
        Account debit = touched.get(leg.debit());
        Account credit = touched.get(leg.credit());
        if (debit == null || credit == null) {
            throw new IllegalStateException("accounts of leg " + leg.index() + " were not loaded");
        }
        Totals debitTotals;
        Totals creditTotals;
        try {
            debitTotals = debit.totals().plus(leg.debitEffect());
            creditTotals = credit.totals().plus(leg.creditEffect());
        } catch (ArithmeticException overflow) {
            return ResultCode.AMOUNT_OVERFLOW;
        }
        ResultCode broken = brokenRule(debit, debitTotals);
        if (broken == null) {
            broken = brokenRule(credit, creditTotals);
        }
        if (broken != null) {
            return broken;
        }
        touched.put(debit.id(), debit.withTotals(debitTotals));
        touched.put(credit.id(), credit.withTotals(creditTotals));
        return null;
    }

    private static ResultCode brokenRule(Account account, Totals totals) {
        try {
            // Every balance derived from the totals must stay representable, so no query can overflow later.
            totals.available(account.kind());
            totals.projected(account.kind());
            totals.posted(account.kind());
            if (account.has(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)
                    && Math.addExact(totals.debitsPosted(), totals.debitsPending()) > totals.creditsPosted()) {
                return ResultCode.INSUFFICIENT_FUNDS;
            }
            if (account.has(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS)
                    && Math.addExact(totals.creditsPosted(), totals.creditsPending()) > totals.debitsPosted()) {
                return ResultCode.CREDITS_EXCEED_DEBITS;
            }
            if (account.balanceLimit() != null && totals.projected(account.kind()) > account.balanceLimit()) {
                return ResultCode.LIMIT_EXCEEDED;
            }
        } catch (ArithmeticException overflow) {
            return ResultCode.AMOUNT_OVERFLOW;
        }
        return null;
    }
}
