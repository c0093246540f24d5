package kyodo.ledger.model;

import kyodo.ledger.Account;
import kyodo.ledger.AccountId;
import kyodo.ledger.AccountOwner;
import kyodo.ledger.AccountPurpose;
import kyodo.ledger.AccountQuery;
import kyodo.ledger.Asset;
import kyodo.ledger.EntryFilter;
import kyodo.ledger.EntryKind;
import kyodo.ledger.HistoryPage;
import kyodo.ledger.NewestFirstPage;
import kyodo.ledger.Ledger;
import kyodo.ledger.testing.MutableClock;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Runs one sequence against a fresh reference ledger and a fresh ledger under test sharing one clock, and
 * compares every outcome, every account, the head and the trial balance after every step, then the whole
 * journal, balances as of past moments and paged histories at the end, and the read queries: accounts by class,
 * movements over sequence ranges cut at the moments, classified legs, the journal search and newest-first history.
 */
final class ModelCheck {
    static final Instant START = Instant.parse("2026-11-25T00:00:00Z");

    /** Makes a fresh ledger for a run: (run number, clock) to ledger. */
    interface Factory extends BiFunction<Integer, MutableClock, Ledger> {
    }

    private final Factory reference;
    private final Factory underTest;
    private int runs;

    ModelCheck(Factory reference, Factory underTest) {
        this.reference = reference;
        this.underTest = underTest;
    }

    /** Where and how the two ledgers first disagreed. */
    record Mismatch(int step, String what) {
    }

    /** Runs the sequence; returns the first mismatch, or {@code null} when the ledgers agree throughout. */
    Mismatch run(List<Op> ops) {
        int run = ++runs;
        MutableClock clock = new MutableClock(START);
        Ledger expected = reference.apply(run, clock);
        Ledger actual = underTest.apply(run, clock);
        try {
            List<Instant> moments = new ArrayList<>();
            for (int step = 0; step < ops.size(); step++) {
                Op op = ops.get(step);
                if (op instanceof Op.Advance advance) {
                    moments.add(clock.instant());
                    clock.advance(Duration.ofMillis(advance.millis()));
                    continue;
                }
                Object want = op.apply(expected, clock);
                Object got = op.apply(actual, clock);
                if (!Objects.equals(want, got)) {
                    return new Mismatch(step, "outcome: expected " + want + " but was " + got);
                }
                String difference = compareState(expected, actual);
                if (difference != null) {
                    return new Mismatch(step, difference);
                }
            }
            moments.add(clock.instant());
            String difference = compareJournal(expected, actual, moments);
            return difference == null ? null : new Mismatch(ops.size() - 1, difference);
        } catch (RuntimeException e) {
            return new Mismatch(-1, "exception: " + e);
        } finally {
            if (actual instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // the run is over; a failure to close does not change its verdict
                }
            }
        }
    }

    private static String compareState(Ledger expected, Ledger actual) {
        var wantHead = expected.head();
        var gotHead = actual.head();
        if (wantHead.sequence() != gotHead.sequence() || !Arrays.equals(wantHead.hash(), gotHead.hash())
                || !Objects.equals(wantHead.time(), gotHead.time())) {
            return "head: expected " + wantHead.sequence() + "/" + hex(wantHead.hash()) + " but was "
                    + gotHead.sequence() + "/" + hex(gotHead.hash());
        }
        for (long id = 1; ; id++) {
            var want = expected.account(new AccountId(id));
            var got = actual.account(new AccountId(id));
            if (!want.equals(got)) {
                return "account " + id + ": expected " + want + " but was " + got;
            }
            if (want.isEmpty()) {
                break;
            }
        }
        var wantTrial = expected.trialBalance(Instant.MAX.minusSeconds(1));
        var gotTrial = actual.trialBalance(Instant.parse("9999-12-31T00:00:00Z"));
        if (!wantTrial.equals(gotTrial)) {
            return "trial balance: expected " + wantTrial + " but was " + gotTrial;
        }
        for (var line : gotTrial) {
            if (!line.balanced()) {
                return "trial balance of " + line.asset() + " does not balance: " + line;
            }
        }
        return null;
    }

    private static String compareJournal(Ledger expected, Ledger actual, List<Instant> moments) {
        long last = expected.head().sequence();
        for (long from = 1; from <= last; from += HistoryPage.LIMIT_MAX) {
            var want = expected.entries(from, last);
            var got = actual.entries(from, last);
            if (!want.equals(got)) {
                return "journal from " + from + ": expected " + want + " but was " + got;
            }
        }
        for (long id = 1; expected.account(new AccountId(id)).isPresent(); id++) {
            AccountId account = new AccountId(id);
            for (Instant moment : moments) {
                var want = expected.balance(account, moment);
                var got = actual.balance(account, moment);
                if (!want.equals(got)) {
                    return "balance of " + account + " as of " + moment + ": expected " + want + " but was " + got;
                }
            }
            String history = compareHistory(expected, actual, account);
            if (history != null) {
                return history;
            }
        }
        for (Instant moment : moments) {
            if (!expected.trialBalance(moment).equals(actual.trialBalance(moment))) {
                return "trial balance as of " + moment + ": expected " + expected.trialBalance(moment)
                        + " but was " + actual.trialBalance(moment);
            }
        }
        return compareReads(expected, actual, moments);
    }

    /** Queries a reader may make of the books, by account class and by sequence range. */
    private static final List<AccountQuery> QUERIES = List.of(
            AccountQuery.all(),
            AccountQuery.all().purpose(AccountPurpose.WALLET),
            AccountQuery.all().owner(AccountOwner.resident(1)),
            AccountQuery.all().ownerKind(AccountOwner.Kind.GROUP).purpose(AccountPurpose.WALLET),
            AccountQuery.all().ownerKind(AccountOwner.Kind.WARD).asset(Asset.PT),
            AccountQuery.all().vintageThrough(YearMonth.of(2026, 10)),
            AccountQuery.all().codePrefix("wallet:"),
            AccountQuery.all().openedBy(START.plusSeconds(3)),
            AccountQuery.all().holding(),
            AccountQuery.ids(List.of(new AccountId(1), new AccountId(3), new AccountId(99))));

    private static final List<EntryFilter> FILTERS = List.of(
            EntryFilter.ANY,
            new EntryFilter(EntryKind.TRANSFER, null, null),
            new EntryFilter(null, "user:1", null),
            new EntryFilter(EntryKind.SPEND, null, Set.of(new AccountId(2), new AccountId(3))));

    private static String compareReads(Ledger expected, Ledger actual, List<Instant> moments) {
        List<Long> bounds = new ArrayList<>();
        bounds.add(0L);
        for (Instant moment : moments) {
            long want = expected.firstSequenceAtOrAfter(moment);
            long got = actual.firstSequenceAtOrAfter(moment);
            if (want != got || expected.lastSequenceAtOrBefore(moment) != actual.lastSequenceAtOrBefore(moment)) {
                return "sequence at " + moment + ": expected " + want + " but was " + got;
            }
            bounds.add(expected.lastSequenceAtOrBefore(moment));
        }
        long head = expected.head().sequence();
        bounds.add(Math.max(0, head - 1));
        bounds.add(head);
        for (AccountQuery query : QUERIES) {
            String after = "";
            for (int page = 0; page < 100; page++) {
                List<Account> want = expected.accounts(query, after, 2);
                List<Account> got = actual.accounts(query, after, 2);
                if (!want.equals(got)) {
                    return "accounts " + query + " after '" + after + "': expected " + want + " but was " + got;
                }
                if (want.size() < 2) {
                    break;
                }
                after = want.get(want.size() - 1).code();
            }
            for (int i = 1; i < bounds.size(); i++) {
                for (long from : new long[] {0, bounds.get(i - 1), Math.max(0, bounds.get(i) - 1)}) {
                    long through = bounds.get(i);
                    var want = expected.movements(query, from, through);
                    var got = actual.movements(query, from, through);
                    if (!want.equals(got)) {
                        return "movements " + query + " in (" + from + ", " + through + "]: expected " + want
                                + " but was " + got;
                    }
                }
            }
        }
        for (long from = 0; from <= head; from += 7) {
            var want = expected.classifiedLegs(from, from + 7);
            var got = actual.classifiedLegs(from, from + 7);
            if (!want.equals(got)) {
                return "classified legs after " + from + ": expected " + want + " but was " + got;
            }
        }
        for (EntryFilter filter : FILTERS) {
            var want = expected.entries(filter, 1, head, 5);
            var got = actual.entries(filter, 1, head, 5);
            if (!want.equals(got)) {
                return "entries " + filter + ": expected " + want + " but was " + got;
            }
        }
        Set<AccountId> wallet = Set.of(new AccountId(2), new AccountId(3), new AccountId(4), new AccountId(98));
        Instant from = START.plusSeconds(1);
        Instant to = moments.get(moments.size() - 1).plusSeconds(1);
        long before = 0;
        for (int page = 0; page < 1000; page++) {
            NewestFirstPage want = expected.historyNewestFirst(wallet, from, to, before, 2);
            NewestFirstPage got = actual.historyNewestFirst(wallet, from, to, before, 2);
            if (!want.equals(got)) {
                return "newest-first history before " + before + ": expected " + want + " but was " + got;
            }
            if (want.nextBefore() == 0) {
                return null;
            }
            before = want.nextBefore();
        }
        return "newest-first history does not end";
    }

    private static String compareHistory(Ledger expected, Ledger actual, AccountId account) {
        Instant from = START.minusSeconds(1);
        Instant to = Instant.parse("9999-01-01T00:00:00Z");
        long after = 0;
        for (int page = 0; page < 1000; page++) {
            HistoryPage want = expected.history(account, from, to, after, 3);
            HistoryPage got = actual.history(account, from, to, after, 3);
            if (!want.equals(got)) {
                return "history of " + account + " after " + after + ": expected " + want + " but was " + got;
            }
            if (want.nextAfter() == 0) {
                return null;
            }
            after = want.nextAfter();
        }
        return "history of " + account + " does not end";
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes).substring(0, 12);
    }
}
