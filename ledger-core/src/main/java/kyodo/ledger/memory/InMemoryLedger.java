package kyodo.ledger.memory;

import kyodo.ledger.Account;
import kyodo.ledger.AccountFlag;
import kyodo.ledger.AccountId;
import kyodo.ledger.AccountQuery;
import kyodo.ledger.AccountRef;
import kyodo.ledger.AccountTotals;
import kyodo.ledger.ClassifiedLeg;
import kyodo.ledger.Codes;
import kyodo.ledger.EntryFilter;
import kyodo.ledger.NewestFirstPage;
import kyodo.ledger.AccountResult;
import kyodo.ledger.AccountResultCode;
import kyodo.ledger.AccountRules;
import kyodo.ledger.AccountSpec;
import kyodo.ledger.Asset;
import kyodo.ledger.Balance;
import kyodo.ledger.BookState;
import kyodo.ledger.CanonicalEncoding;
import kyodo.ledger.EntryDecision;
import kyodo.ledger.EntryKey;
import kyodo.ledger.ExpirySweep;
import kyodo.ledger.EntryRequest;
import kyodo.ledger.EntryRules;
import kyodo.ledger.Head;
import kyodo.ledger.History;
import kyodo.ledger.HistoryLine;
import kyodo.ledger.HistoryPage;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.JournalLeg;
import kyodo.ledger.Ledger;
import kyodo.ledger.LedgerId;
import kyodo.ledger.LegKind;
import kyodo.ledger.PendingId;
import kyodo.ledger.PendingState;
import kyodo.ledger.PostResult;
import kyodo.ledger.ResultCode;
import kyodo.ledger.Totals;
import kyodo.ledger.TrialBalance;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The reference model of the books: everything in plain maps and lists, one lock, no cleverness. Queries
 * as of a time replay the journal, which is slow and obviously right.
 */
public final class InMemoryLedger implements Ledger {
    private final LedgerId id;
    private final Clock clock;
    private final Set<Asset> assets = new LinkedHashSet<>(List.of(Asset.PT, Asset.JPY));
    private final List<Account> accounts = new ArrayList<>();
    private final Map<String, AccountId> accountsByCode = new HashMap<>();
    private final List<JournalEntry> journal = new ArrayList<>();
    private final Map<EntryKey, BookState.PostedKey> keys = new HashMap<>();
    private final Map<PendingId, PendingState> pendings = new HashMap<>();
    private byte[] headHash = CanonicalEncoding.genesisHash();
    private Instant headTime;
    private final BookState books = new Books();

    public InMemoryLedger(LedgerId id, Clock clock) {
        this.id = id;
        this.clock = clock;
    }

    @Override
    public LedgerId id() {
        return id;
    }

    @Override
    public synchronized void registerAsset(Asset asset) {
        for (Asset known : assets) {
            if (known.code().equals(asset.code()) && known.scale() != asset.scale()) {
                throw new IllegalArgumentException("asset " + asset.code() + " is registered with scale "
                        + known.scale());
            }
        }
        assets.add(asset);
    }

    @Override
    public synchronized AccountResult open(AccountSpec spec) {
        AccountResultCode problem = AccountRules.check(spec, assets);
        if (problem != null) {
            return new AccountResult(problem, null);
        }
        AccountId existing = accountsByCode.get(spec.code());
        if (existing != null) {
            Account account = accountOf(existing);
            return new AccountResult(AccountRules.matches(account, spec)
                    ? AccountResultCode.ALREADY_OPEN : AccountResultCode.CODE_TAKEN_WITH_DIFFERENT_SPEC, account);
        }
        AccountId accountId = new AccountId(accounts.size() + 1L);
        Account account = new Account(accountId, spec.code(), spec.asset(), spec.kind(),
                EnumSet.copyOf(withNone(spec.flags())), spec.balanceLimit(), Totals.ZERO, now(), spec.accountClass());
        accounts.add(account);
        accountsByCode.put(spec.code(), accountId);
        return new AccountResult(AccountResultCode.OPENED, account);
    }

    private static Set<AccountFlag> withNone(Set<AccountFlag> flags) {
        EnumSet<AccountFlag> set = EnumSet.noneOf(AccountFlag.class);
        set.addAll(flags);
        return set;
    }

    @Override
    public synchronized List<AccountResult> openAll(List<AccountSpec> specs) {
        List<AccountResult> results = new ArrayList<>(specs.size());
        for (AccountSpec spec : specs) {
            results.add(open(spec));
        }
        return results;
    }

    @Override
    public synchronized AccountResult close(AccountId accountId) {
        Account account = find(accountId);
        AccountResultCode problem = AccountRules.checkClose(account);
        if (problem != null) {
            return new AccountResult(problem, account);
        }
        Set<AccountFlag> flags = withNone(account.flags());
        flags.add(AccountFlag.CLOSED);
        Account closed = account.withFlags(flags);
        accounts.set(index(accountId), closed);
        return new AccountResult(AccountResultCode.CLOSED, closed);
    }

    @Override
    public synchronized Optional<Account> account(String code) {
        AccountId accountId = accountsByCode.get(code);
        return accountId == null ? Optional.empty() : Optional.of(accountOf(accountId));
    }

    @Override
    public synchronized Optional<Account> account(AccountId accountId) {
        return Optional.ofNullable(find(accountId));
    }

    @Override
    public synchronized List<Account> accounts(AccountQuery query, String afterCode, int limit) {
        String after = afterCode == null ? "" : afterCode;
        // Codes collate "C" in the database: compare them as Java strings of UTF-16 units would differ for
        // characters outside the BMP, so compare their UTF-8 bytes, which is the order "C" gives.
        return accounts.stream().filter(query::matches).filter(a -> Codes.ORDER.compare(a.code(), after) > 0)
                .sorted(java.util.Comparator.comparing(Account::code, Codes.ORDER))
                .limit(Math.max(1, Math.min(limit, ACCOUNTS_PAGE_MAX))).toList();
    }

    private Account find(AccountId accountId) {
        if (accountId == null || accountId.value() < 1 || accountId.value() > accounts.size()) {
            return null;
        }
        return accountOf(accountId);
    }

    private Account accountOf(AccountId accountId) {
        return accounts.get(index(accountId));
    }

    private static int index(AccountId accountId) {
        return Math.toIntExact(accountId.value() - 1);
    }

    @Override
    public synchronized PostResult post(EntryRequest request) {
        Optional<PostResult> malformed = EntryRules.check(request);
        if (malformed.isPresent()) {
            return malformed.get();
        }
        byte[] digest = CanonicalEncoding.requestDigest(request);
        Instant now = now();
        EntryDecision decision = EntryDecision.decide(request, digest, now, books);
        if (decision instanceof EntryDecision.Rejected rejected) {
            return rejected.result();
        }
        EntryDecision.Accepted accepted = (EntryDecision.Accepted) decision;
        long sequence = journal.size() + 1L;
        JournalEntry unsigned = new JournalEntry(id, sequence, request.key(), request.kind(), request.actor(),
                request.memo(), request.metadata(), now, accepted.legs(), headHash);
        byte[] hash = CanonicalEncoding.chain(headHash, CanonicalEncoding.encode(unsigned));
        JournalEntry entry = new JournalEntry(id, sequence, request.key(), request.kind(), request.actor(),
                request.memo(), request.metadata(), now, accepted.legs(), hash);
        journal.add(entry);
        keys.put(request.key(), new BookState.PostedKey(sequence, digest));
        accepted.totals().forEach((accountId, totals) ->
                accounts.set(index(accountId), accountOf(accountId).withTotals(totals)));
        for (JournalLeg leg : entry.legs()) {
            trackPending(entry, leg);
        }
        headHash = hash;
        headTime = now;
        return PostResult.posted(request.key(), ResultCode.POSTED, sequence);
    }

    private void trackPending(JournalEntry entry, JournalLeg leg) {
        switch (leg.kind()) {
            case PENDING -> pendings.put(new PendingId(entry.key(), leg.index()),
                    new PendingState(new PendingId(entry.key(), leg.index()), entry.sequence(), leg,
                            PendingState.Resolution.OPEN));
            case POST_PENDING, VOID_PENDING -> {
                JournalEntry holder = journal.get(Math.toIntExact(leg.pendingSequence() - 1));
                PendingId pendingId = new PendingId(holder.key(), leg.pendingLeg());
                PendingState open = pendings.get(pendingId);
                pendings.put(pendingId, open.resolvedBy(leg.kind()));
            }
            case POSTED -> {
                // nothing pending
            }
        }
    }

    @Override
    public CompletableFuture<PostResult> postAsync(EntryRequest request) {
        return CompletableFuture.completedFuture(post(request));
    }

    @Override
    public synchronized List<PostResult> postAll(List<EntryRequest> requests) {
        List<PostResult> results = new ArrayList<>(requests.size());
        for (EntryRequest request : requests) {
            results.add(post(request));
        }
        return results;
    }

    @Override
    public synchronized int voidExpiredPendings(int max) {
        Instant now = clock.instant();
        List<Map.Entry<PendingId, PendingState>> expired = new ArrayList<>();
        for (Map.Entry<PendingId, PendingState> pending : pendings.entrySet()) {
            PendingState state = pending.getValue();
            if (state.resolution() == PendingState.Resolution.OPEN && state.leg().expiresAt() != null
                    && !now.isBefore(state.leg().expiresAt())) {
                expired.add(pending);
            }
        }
        expired.sort(Map.Entry.comparingByValue(ExpirySweep.ORDER));
        int voided = 0;
        for (Map.Entry<PendingId, PendingState> pending : expired.subList(0, Math.min(max, expired.size()))) {
            if (post(ExpirySweep.voidRequest(pending.getValue())).code() == ResultCode.POSTED) {
                voided++;
            }
        }
        return voided;
    }

    @Override
    public synchronized Optional<JournalEntry> entry(EntryKey key) {
        BookState.PostedKey posted = keys.get(key);
        return posted == null ? Optional.empty() : entry(posted.sequence());
    }

    @Override
    public synchronized Optional<JournalEntry> entry(long sequence) {
        if (sequence < 1 || sequence > journal.size()) {
            return Optional.empty();
        }
        return Optional.of(journal.get(Math.toIntExact(sequence - 1)));
    }

    @Override
    public synchronized List<JournalEntry> entries(long from, long to) {
        long first = Math.max(1, from);
        long last = Math.min(Math.min(to, journal.size()), first + HistoryPage.LIMIT_MAX - 1);
        if (first > last) {
            return List.of();
        }
        return List.copyOf(journal.subList(Math.toIntExact(first - 1), Math.toIntExact(last)));
    }

    @Override
    public synchronized List<JournalEntry> entries(EntryFilter filter, long after, long through, int limit) {
        int max = History.clampLimit(limit);
        List<JournalEntry> found = new ArrayList<>();
        for (long sequence = Math.max(1, after + 1); sequence <= Math.min(through, journal.size())
                && found.size() < max; sequence++) {
            JournalEntry entry = journal.get(Math.toIntExact(sequence - 1));
            if (filter.matches(entry)) {
                found.add(entry);
            }
        }
        return found;
    }

    @Override
    public synchronized List<ClassifiedLeg> classifiedLegs(long after, long through) {
        long first = Math.max(1, after + 1);
        long last = Math.min(Math.min(through, journal.size()), first + CLASSIFIED_ENTRIES_MAX - 1);
        List<ClassifiedLeg> legs = new ArrayList<>();
        for (long sequence = first; sequence <= last; sequence++) {
            JournalEntry entry = journal.get(Math.toIntExact(sequence - 1));
            for (JournalLeg leg : entry.legs()) {
                legs.add(new ClassifiedLeg(entry.sequence(), entry.key(), entry.kind(), entry.postedAt(), leg,
                        AccountRef.of(accountOf(leg.debit())), AccountRef.of(accountOf(leg.credit()))));
            }
        }
        return legs;
    }

    @Override
    public synchronized long firstSequenceAtOrAfter(Instant moment) {
        for (JournalEntry entry : journal) {
            if (!entry.postedAt().isBefore(moment)) {
                return entry.sequence();
            }
        }
        return journal.size() + 1L;
    }

    @Override
    public synchronized Head head() {
        return new Head(journal.size(), headHash, headTime);
    }

    @Override
    public synchronized Optional<Balance> balance(AccountId accountId) {
        return account(accountId).map(Account::balance);
    }

    @Override
    public synchronized Optional<Balance> balance(AccountId accountId, Instant asOf) {
        return account(accountId).map(account -> {
            Totals totals = totalsAsOf(asOf).getOrDefault(accountId, Totals.ZERO);
            return new Balance(accountId, account.asset(), account.kind(), totals);
        });
    }

    private Map<AccountId, Totals> totalsAsOf(Instant asOf) {
        return replay(0, lastSequenceAtOrBefore(asOf));
    }

    /** The reference as-of: every leg of the entries in {@code (after, through]}, applied by its kind's rule. */
    private Map<AccountId, Totals> replay(long after, long through) {
        Map<AccountId, Totals> totals = new TreeMap<>(java.util.Comparator.comparingLong(AccountId::value));
        for (long sequence = Math.max(1, after + 1); sequence <= Math.min(through, journal.size()); sequence++) {
            for (JournalLeg leg : journal.get(Math.toIntExact(sequence - 1)).legs()) {
                totals.merge(leg.debit(), leg.debitEffect(), Totals::plus);
                totals.merge(leg.credit(), leg.creditEffect(), Totals::plus);
            }
        }
        return totals;
    }

    @Override
    public synchronized List<AccountTotals> movements(AccountQuery query, long after, long through) {
        List<AccountTotals> moved = new ArrayList<>();
        replay(after, through).forEach((accountId, totals) -> {
            Account account = accountOf(accountId);
            if (query.matches(account)) {
                moved.add(AccountTotals.of(account, totals));
            }
        });
        if (moved.size() > MOVED_ACCOUNTS_MAX) {
            throw new IllegalArgumentException("the query selects more than " + MOVED_ACCOUNTS_MAX
                    + " moved accounts; narrow it");
        }
        return moved;
    }

    @Override
    public synchronized NewestFirstPage historyNewestFirst(Set<AccountId> accountIds, Instant from, Instant to,
                                                           long before, int limit) {
        if (accountIds.size() > AccountQuery.IDS_MAX) {
            throw new IllegalArgumentException("history of at most " + AccountQuery.IDS_MAX + " accounts at once");
        }
        Map<AccountId, Account> wanted = new HashMap<>();
        for (AccountId accountId : accountIds) {
            Account account = find(accountId);
            if (account != null) {
                wanted.put(accountId, account);
            }
        }
        int max = History.clampLimit(limit);
        List<HistoryLine> lines = new ArrayList<>();
        int entries = 0;
        long last = 0;
        long start = before <= 0 ? journal.size() : Math.min(before - 1, journal.size());
        for (long sequence = start; sequence >= 1; sequence--) {
            JournalEntry entry = journal.get(Math.toIntExact(sequence - 1));
            if (entry.postedAt().isBefore(from) || !entry.postedAt().isBefore(to)) {
                continue;
            }
            List<HistoryLine> mine = History.linesOf(entry, wanted);
            if (mine.isEmpty()) {
                continue;
            }
            if (entries >= max) {
                return new NewestFirstPage(lines, last);
            }
            lines.addAll(mine);
            entries++;
            last = sequence;
        }
        return new NewestFirstPage(lines, 0);
    }

    @Override
    public synchronized HistoryPage history(AccountId accountId, Instant from, Instant to, long after, int limit) {
        Account account = find(accountId);
        if (account == null) {
            return new HistoryPage(List.of(), 0);
        }
        int max = History.clampLimit(limit);
        List<HistoryLine> lines = new ArrayList<>();
        long last = 0;
        for (JournalEntry entry : journal) {
            if (entry.sequence() <= after || entry.postedAt().isBefore(from) || !entry.postedAt().isBefore(to)) {
                continue;
            }
            List<HistoryLine> mine = History.linesOf(entry, account);
            if (mine.isEmpty()) {
                continue;
            }
            if (lines.size() >= max) {
                return new HistoryPage(lines, last);
            }
            lines.addAll(mine);
            last = entry.sequence();
        }
        return new HistoryPage(lines, 0);
    }

    @Override
    public synchronized List<TrialBalance> trialBalance(Instant asOf) {
        Map<String, TrialBalance> sums = new TreeMap<>();
        for (Asset asset : assets) {
            sums.put(asset.code(), TrialBalance.zero(asset));
        }
        totalsAsOf(asOf).forEach((accountId, totals) ->
                sums.computeIfPresent(accountOf(accountId).asset().code(), (code, sum) -> sum.plus(totals)));
        return List.copyOf(sums.values());
    }

    /** What the decision reads: the model's own maps. */
    private final class Books implements BookState {
        @Override
        public Account account(AccountId accountId) {
            return find(accountId);
        }

        @Override
        public PostedKey posted(EntryKey key) {
            return keys.get(key);
        }

        @Override
        public PendingState pending(PendingId pendingId) {
            return pendings.get(pendingId);
        }
    }

    private Instant now() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (headTime != null && now.isBefore(headTime)) {
            return headTime;
        }
        return now;
    }
}
