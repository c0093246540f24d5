package kyodo.ledger.postgres;

import kyodo.ledger.Account;
import kyodo.ledger.AccountFlag;
import kyodo.ledger.AccountClass;
import kyodo.ledger.AccountId;
import kyodo.ledger.AccountQuery;
import kyodo.ledger.AccountRef;
import kyodo.ledger.AccountTotals;
import kyodo.ledger.ClassifiedLeg;
import kyodo.ledger.EntryFilter;
import kyodo.ledger.EntryKind;
import kyodo.ledger.NewestFirstPage;
import kyodo.ledger.AccountResult;
import kyodo.ledger.AccountResultCode;
import kyodo.ledger.AccountRules;
import kyodo.ledger.AccountSpec;
import kyodo.ledger.Asset;
import kyodo.ledger.Balance;
import kyodo.ledger.CanonicalEncoding;
import kyodo.ledger.EntryKey;
import kyodo.ledger.LedgerUnavailable;
import kyodo.ledger.EntryRequest;
import kyodo.ledger.EntryRules;
import kyodo.ledger.ExpirySweep;
import kyodo.ledger.Head;
import kyodo.ledger.History;
import kyodo.ledger.HistoryLine;
import kyodo.ledger.HistoryPage;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.JournalLeg;
import kyodo.ledger.Ledger;
import kyodo.ledger.LedgerId;
import kyodo.ledger.PendingId;
import kyodo.ledger.PendingState;
import kyodo.ledger.PostResult;
import kyodo.ledger.ResultCode;
import kyodo.ledger.Totals;
import kyodo.ledger.TrialBalance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The durable books on PostgreSQL. Posting goes through one {@link BatchWriter} per ledger and process;
 * reads go straight to the tables. Several processes may open the same ledger: the head row lock orders
 * their batches.
 */
public final class PostgresLedger implements Ledger, AutoCloseable {
    private final DataSource dataSource;
    private final LedgerId id;
    private final Clock clock;
    private volatile Map<String, Asset> assets;
    private final BatchWriter writer;
    /** Code, class and kind of accounts by id, for classified legs: they never change once opened. */
    private final Map<Long, AccountRef> refs = new java.util.concurrent.ConcurrentHashMap<>();

    public PostgresLedger(DataSource dataSource, LedgerId id, String name, Clock clock) {
        this(dataSource, id, name, clock, WriterSettings.DEFAULT, WriterListener.NONE);
    }

    /** Opens (creating it if new) the ledger {@code id} and starts its writer. */
    public PostgresLedger(DataSource dataSource, LedgerId id, String name, Clock clock, WriterSettings settings,
                          WriterListener listener) {
        this.dataSource = dataSource;
        this.id = id;
        this.clock = clock;
        createIfMissing(name);
        this.assets = loadAssets();
        this.writer = new BatchWriter(dataSource, id, () -> assets, clock, settings, listener);
    }

    @Override
    public LedgerId id() {
        return id;
    }

    /** How many requests wait for the writer now (a metric). */
    public int queueDepth() {
        return writer.queueDepth();
    }

    private void createIfMissing(String name) {
        sql(connection -> {
            try (PreparedStatement ledger = connection.prepareStatement(
                    "insert into ledger (id, name) values (?, ?) on conflict (id) do nothing");
                 PreparedStatement asset = connection.prepareStatement(
                         "insert into asset (ledger_id, code, scale) values (?, ?, ?) on conflict do nothing")) {
                ledger.setLong(1, id.value());
                ledger.setString(2, name);
                ledger.executeUpdate();
                for (Asset builtIn : List.of(Asset.PT, Asset.JPY)) {
                    asset.setLong(1, id.value());
                    asset.setString(2, builtIn.code());
                    asset.setInt(3, builtIn.scale());
                    asset.executeUpdate();
                }
            }
            return null;
        });
    }

    private Map<String, Asset> loadAssets() {
        return sql(connection -> {
            Map<String, Asset> loaded = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "select code, scale from asset where ledger_id = ? order by code")) {
                statement.setLong(1, id.value());
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        loaded.put(rs.getString(1), new Asset(rs.getString(1), rs.getInt(2)));
                    }
                }
            }
            return Map.copyOf(loaded);
        });
    }

    @Override
    public void registerAsset(Asset asset) {
        sql(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "insert into asset (ledger_id, code, scale) values (?, ?, ?) on conflict do nothing")) {
                statement.setLong(1, id.value());
                statement.setString(2, asset.code());
                statement.setInt(3, asset.scale());
                statement.executeUpdate();
            }
            return null;
        });
        assets = loadAssets();
        Asset stored = assets.get(asset.code());
        if (stored.scale() != asset.scale()) {
            throw new IllegalArgumentException("asset " + asset.code() + " is registered with scale " + stored.scale());
        }
    }

    // Accounts

    @Override
    public AccountResult open(AccountSpec spec) {
        return openAll(List.of(spec)).get(0);
    }

    /** Opens the accounts in one transaction under the head lock, so ids are assigned without gaps or races. */
    @Override
    public List<AccountResult> openAll(List<AccountSpec> specs) {
        return transaction(connection -> {
            lockHead(connection);
            long nextId;
            try (PreparedStatement statement = connection.prepareStatement(
                    "select next_account_id from ledger where id = ?")) {
                statement.setLong(1, id.value());
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    nextId = rs.getLong(1);
                }
            }
            Map<String, Account> existing = accountsByCode(connection, specs);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            List<AccountResult> results = new ArrayList<>(specs.size());
            List<Account> opened = new ArrayList<>();
            Set<Asset> registered = Set.copyOf(assets.values());
            for (AccountSpec spec : specs) {
                AccountResultCode problem = AccountRules.check(spec, registered);
                if (problem != null) {
                    results.add(new AccountResult(problem, null));
                    continue;
                }
                Account account = existing.get(spec.code());
                if (account != null) {
                    results.add(new AccountResult(AccountRules.matches(account, spec)
                            ? AccountResultCode.ALREADY_OPEN : AccountResultCode.CODE_TAKEN_WITH_DIFFERENT_SPEC,
                            account));
                    continue;
                }
                account = new Account(new AccountId(nextId++), spec.code(), spec.asset(), spec.kind(), spec.flags(),
                        spec.balanceLimit(), Totals.ZERO, now, spec.accountClass());
                existing.put(spec.code(), account);
                opened.add(account);
                results.add(new AccountResult(AccountResultCode.OPENED, account));
            }
            insertAccounts(connection, opened);
            try (PreparedStatement statement = connection.prepareStatement(
                    "update ledger set next_account_id = ? where id = ?")) {
                statement.setLong(1, nextId);
                statement.setLong(2, id.value());
                statement.executeUpdate();
            }
            return results;
        });
    }

    private Map<String, Account> accountsByCode(Connection connection, List<AccountSpec> specs) throws SQLException {
        List<String> codes = new ArrayList<>();
        for (AccountSpec spec : specs) {
            if (spec != null && spec.code() != null) {
                codes.add(spec.code());
            }
        }
        Map<String, Account> found = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("select " + Rows.ACCOUNT_COLUMNS
                + " from account where ledger_id = ? and code = any (?)")) {
            statement.setLong(1, id.value());
            statement.setArray(2, connection.createArrayOf("text", codes.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Account account = Rows.account(rs, assets);
                    found.put(account.code(), account);
                }
            }
        }
        return found;
    }

    private void insertAccounts(Connection connection, List<Account> opened) throws SQLException {
        if (opened.isEmpty()) {
            return;
        }
        int n = opened.size();
        Long[] ids = new Long[n];
        String[] codes = new String[n];
        String[] assetCodes = new String[n];
        String[] kinds = new String[n];
        Integer[] flags = new Integer[n];
        Long[] limits = new Long[n];
        String[] ownerKinds = new String[n];
        Long[] ownerIds = new Long[n];
        String[] purposes = new String[n];
        LocalDate[] vintages = new LocalDate[n];
        Integer[] fiscalYears = new Integer[n];
        for (int i = 0; i < n; i++) {
            Account account = opened.get(i);
            ids[i] = account.id().value();
            codes[i] = account.code();
            assetCodes[i] = account.asset().code();
            kinds[i] = account.kind().name();
            flags[i] = AccountFlag.toBits(account.flags());
            limits[i] = account.balanceLimit();
            AccountClass accountClass = account.accountClass();
            ownerKinds[i] = accountClass.owner().kind().name();
            ownerIds[i] = accountClass.owner().id();
            purposes[i] = accountClass.purpose().name();
            vintages[i] = accountClass.vintage() == null ? null : accountClass.vintage().atDay(1);
            fiscalYears[i] = accountClass.fiscalYear() == null ? null : accountClass.fiscalYear().year();
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                insert into account (ledger_id, id, code, asset, kind, flags, balance_limit, opened_at, owner_kind,
                                     owner_id, purpose, vintage, fiscal_year)
                select ?, t.id, t.code, t.asset, t.kind, t.flags, t.balance_limit, ?, t.owner_kind, t.owner_id,
                       t.purpose, t.vintage, t.fiscal_year
                  from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::integer[], ?::bigint[], ?::text[],
                              ?::bigint[], ?::text[], ?::date[], ?::smallint[])
                       as t(id, code, asset, kind, flags, balance_limit, owner_kind, owner_id, purpose, vintage,
                            fiscal_year)""")) {
            statement.setLong(1, id.value());
            Rows.setInstant(statement, 2, opened.get(0).openedAt());
            statement.setArray(3, connection.createArrayOf("bigint", ids));
            statement.setArray(4, connection.createArrayOf("text", codes));
            statement.setArray(5, connection.createArrayOf("text", assetCodes));
            statement.setArray(6, connection.createArrayOf("text", kinds));
            statement.setArray(7, connection.createArrayOf("integer", flags));
            statement.setArray(8, connection.createArrayOf("bigint", limits));
            statement.setArray(9, connection.createArrayOf("text", ownerKinds));
            statement.setArray(10, connection.createArrayOf("bigint", ownerIds));
            statement.setArray(11, connection.createArrayOf("text", purposes));
            statement.setArray(12, connection.createArrayOf("date", vintages));
            statement.setArray(13, connection.createArrayOf("smallint", fiscalYears));
            statement.executeUpdate();
        }
    }

    @Override
    public AccountResult close(AccountId accountId) {
        return transaction(connection -> {
            lockHead(connection);
            Account account = findAccount(connection, "id = ?", accountId == null ? -1 : accountId.value());
            AccountResultCode problem = AccountRules.checkClose(account);
            if (problem != null) {
                return new AccountResult(problem, account);
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            try (PreparedStatement statement = connection.prepareStatement(
                    "update account set flags = flags | ?, closed_at = ? where ledger_id = ? and id = ?")) {
                statement.setInt(1, AccountFlag.CLOSED.bit());
                Rows.setInstant(statement, 2, now);
                statement.setLong(3, id.value());
                statement.setLong(4, accountId.value());
                statement.executeUpdate();
            }
            // Tells every writer that an account changed without the head sequence moving (see AccountCache).
            try (PreparedStatement statement = connection.prepareStatement(
                    "update ledger set accounts_version = accounts_version + 1 where id = ?")) {
                statement.setLong(1, id.value());
                statement.executeUpdate();
            }
            return new AccountResult(AccountResultCode.CLOSED,
                    findAccount(connection, "id = ?", accountId.value()));
        });
    }

    private static void lockHead(Connection connection, long ledgerId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select 1 from ledger where id = ? for update")) {
            statement.setLong(1, ledgerId);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("ledger " + ledgerId + " does not exist");
                }
            }
        }
    }

    private void lockHead(Connection connection) throws SQLException {
        lockHead(connection, id.value());
    }

    @Override
    public Optional<Account> account(AccountId accountId) {
        if (accountId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(sql(connection -> findAccount(connection, "id = ?", accountId.value())));
    }

    @Override
    public Optional<Account> account(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(sql(connection -> findAccount(connection, "code = ?", code)));
    }

    @Override
    public List<Account> accounts(AccountQuery query, String afterCode, int limit) {
        int max = Math.max(1, Math.min(limit, ACCOUNTS_PAGE_MAX));
        AccountSql where = AccountSql.of(query);
        return sql(connection -> {
            List<Account> found = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("select " + Rows.ACCOUNT_COLUMNS
                    + " from account where ledger_id = ? and code > ?" + where.condition()
                    + " order by code limit ?")) {
                int i = 1;
                statement.setLong(i++, id.value());
                statement.setString(i++, afterCode == null ? "" : afterCode);
                i = where.bind(connection, statement, i);
                statement.setInt(i, max);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        found.add(Rows.account(rs, assets));
                    }
                }
            }
            return found;
        });
    }

    private Account findAccount(Connection connection, String condition, Object value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select " + Rows.ACCOUNT_COLUMNS
                + " from account where ledger_id = ? and " + condition)) {
            statement.setLong(1, id.value());
            statement.setObject(2, value);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Rows.account(rs, assets) : null;
            }
        }
    }

    // Posting

    @Override
    public PostResult post(EntryRequest request) {
        return postAll(List.of(request)).get(0);
    }

    @Override
    public CompletableFuture<PostResult> postAsync(EntryRequest request) {
        Optional<PostResult> malformed = request == null
                ? Optional.of(PostResult.rejected(null, ResultCode.MISSING_FIELD, -1))
                : EntryRules.check(request);
        if (malformed.isPresent()) {
            return CompletableFuture.completedFuture(malformed.get());
        }
        return writer.submit(request, CanonicalEncoding.requestDigest(request)).exceptionallyCompose(failure ->
                CompletableFuture.failedFuture(new LedgerUnavailable("the ledger could not record the entry: "
                        + failure.getMessage(), failure)));
    }

    @Override
    public List<PostResult> postAll(List<EntryRequest> requests) {
        List<CompletableFuture<PostResult>> futures = new ArrayList<>(requests.size());
        for (EntryRequest request : requests) {
            futures.add(postAsync(request));
        }
        List<PostResult> results = new ArrayList<>(futures.size());
        for (CompletableFuture<PostResult> future : futures) {
            results.add(await(future));
        }
        return results;
    }

    private static PostResult await(CompletableFuture<PostResult> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerUnavailable("interrupted while waiting for the ledger writer", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LedgerUnavailable unavailable) {
                throw unavailable;
            }
            throw new LedgerUnavailable("the ledger could not record the entry: " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    @Override
    public int voidExpiredPendings(int max) {
        Instant now = clock.instant();
        List<PendingState> expired = sql(connection -> {
            List<PendingState> found = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    select e.key, l.sequence, l.leg_index, l.kind, l.debit_account_id, l.credit_account_id,
                           l.asset, l.amount, l.released_amount, l.pending_sequence, l.pending_leg_index,
                           l.expires_at
                      from leg l
                      join entry e on e.ledger_id = l.ledger_id and e.sequence = l.sequence
                     where l.ledger_id = ? and l.kind = 'H' and l.expires_at <= ?
                       and not exists (select 1 from leg r where r.ledger_id = l.ledger_id
                                          and r.pending_sequence = l.sequence and r.pending_leg_index = l.leg_index)
                     order by l.expires_at, l.sequence, l.leg_index
                     limit ?""")) {
                statement.setLong(1, id.value());
                Rows.setInstant(statement, 2, now);
                statement.setInt(3, Math.max(0, max));
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        JournalLeg leg = Rows.leg(rs, assets);
                        PendingId pendingId = new PendingId(new EntryKey(rs.getString("key")), leg.index());
                        found.add(new PendingState(pendingId, rs.getLong("sequence"), leg,
                                PendingState.Resolution.OPEN));
                    }
                }
            }
            return found;
        });
        List<EntryRequest> voids = new ArrayList<>(expired.size());
        for (PendingState pending : expired) {
            voids.add(ExpirySweep.voidRequest(pending));
        }
        int voided = 0;
        for (PostResult result : postAll(voids)) {
            if (result.code() == ResultCode.POSTED) {
                voided++;
            }
        }
        return voided;
    }

    // Journal

    @Override
    public Optional<JournalEntry> entry(EntryKey key) {
        if (key == null || key.value() == null) {
            return Optional.empty();
        }
        return sql(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select sequence from entry where ledger_id = ? and key = ?")) {
                statement.setLong(1, id.value());
                statement.setString(2, key.value());
                try (ResultSet rs = statement.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    long sequence = rs.getLong(1);
                    return JournalReader.entries(connection, id, assets, sequence, sequence).stream().findFirst();
                }
            }
        });
    }

    @Override
    public Optional<JournalEntry> entry(long sequence) {
        return entries(sequence, sequence).stream().findFirst();
    }

    @Override
    public List<JournalEntry> entries(long from, long to) {
        long first = Math.max(1, from);
        long last = Math.min(to, first + HistoryPage.LIMIT_MAX - 1);
        if (first > last) {
            return List.of();
        }
        return sql(connection -> JournalReader.entries(connection, id, assets, first, last));
    }

    @Override
    public List<JournalEntry> entries(EntryFilter filter, long after, long through, int limit) {
        int max = History.clampLimit(limit);
        if (filter.accounts() != null && filter.accounts().isEmpty()) {
            return List.of();
        }
        return sql(connection -> {
            StringBuilder query = new StringBuilder(
                    "select e.sequence from entry e where e.ledger_id = ? and e.sequence > ? and e.sequence <= ?");
            if (filter.kind() != null) {
                query.append(" and e.kind = ?");
            }
            if (filter.actor() != null) {
                query.append(" and e.actor = ?");
            }
            if (filter.accounts() != null) {
                query.append(" ").append("""
                         and e.sequence in (
                            select l.sequence from leg l where l.ledger_id = ? and l.sequence > ?
                               and l.sequence <= ? and l.debit_account_id = any (?)
                            union
                            select l.sequence from leg l where l.ledger_id = ? and l.sequence > ?
                               and l.sequence <= ? and l.credit_account_id = any (?))""");
            }
            query.append(" order by e.sequence limit ?");
            List<Long> sequences = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(query.toString())) {
                int i = 1;
                statement.setLong(i++, id.value());
                statement.setLong(i++, after);
                statement.setLong(i++, through);
                if (filter.kind() != null) {
                    statement.setString(i++, filter.kind().code());
                }
                if (filter.actor() != null) {
                    statement.setString(i++, filter.actor());
                }
                if (filter.accounts() != null) {
                    Long[] ids = filter.accounts().stream().map(AccountId::value).toArray(Long[]::new);
                    for (int side = 0; side < 2; side++) {
                        statement.setLong(i++, id.value());
                        statement.setLong(i++, after);
                        statement.setLong(i++, through);
                        statement.setArray(i++, connection.createArrayOf("bigint", ids));
                    }
                }
                statement.setInt(i, max);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        sequences.add(rs.getLong(1));
                    }
                }
            }
            return sequences.isEmpty() ? List.<JournalEntry>of()
                    : JournalReader.entries(connection, id, assets, sequences);
        });
    }

    @Override
    public List<ClassifiedLeg> classifiedLegs(long after, long through) {
        long first = Math.max(1, after + 1);
        long last = Math.min(through, first + CLASSIFIED_ENTRIES_MAX - 1);
        if (first > last) {
            return List.of();
        }
        return sql(connection -> {
            List<ClassifiedLeg> legs = new ArrayList<>();
            Set<Long> unknown = new java.util.HashSet<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    select l.sequence, l.leg_index, l.kind, l.debit_account_id, l.credit_account_id, l.asset,
                           l.amount, l.released_amount, l.pending_sequence, l.pending_leg_index, l.expires_at,
                           e.key, e.kind as entry_kind, e.posted_at as entry_posted_at
                      from leg l join entry e on e.ledger_id = l.ledger_id and e.sequence = l.sequence
                     where l.ledger_id = ? and l.sequence between ? and ?
                     order by l.sequence, l.leg_index""")) {
                statement.setLong(1, id.value());
                statement.setLong(2, first);
                statement.setLong(3, last);
                statement.setFetchSize(CLASSIFIED_ENTRIES_MAX);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        JournalLeg leg = Rows.leg(rs, assets);
                        legs.add(new ClassifiedLeg(rs.getLong("sequence"), new EntryKey(rs.getString("key")),
                                new EntryKind(rs.getString("entry_kind")), Rows.instant(rs, "entry_posted_at"), leg,
                                null, null));
                        for (AccountId side : new AccountId[] {leg.debit(), leg.credit()}) {
                            if (!refs.containsKey(side.value())) {
                                unknown.add(side.value());
                            }
                        }
                    }
                }
            }
            loadRefs(connection, unknown);
            List<ClassifiedLeg> classified = new ArrayList<>(legs.size());
            for (ClassifiedLeg leg : legs) {
                classified.add(new ClassifiedLeg(leg.sequence(), leg.key(), leg.entryKind(), leg.postedAt(), leg.leg(),
                        refs.get(leg.leg().debit().value()), refs.get(leg.leg().credit().value())));
            }
            return classified;
        });
    }

    /** Reads the code, class and kind of accounts not seen yet: they never change once opened, so they are kept. */
    private void loadRefs(Connection connection, Set<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("select " + Rows.ACCOUNT_COLUMNS
                + " from account where ledger_id = ? and id = any (?)")) {
            statement.setLong(1, id.value());
            statement.setArray(2, connection.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Account account = Rows.account(rs, assets);
                    refs.put(account.id().value(), AccountRef.of(account));
                }
            }
        }
    }

    @Override
    public long firstSequenceAtOrAfter(Instant moment) {
        return sql(connection -> AsOf.firstAtOrAfter(connection, id, moment));
    }

    @Override
    public Head head() {
        return sql(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select head_sequence, head_hash, head_time from ledger where id = ?")) {
                statement.setLong(1, id.value());
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return new Head(rs.getLong(1), rs.getBytes(2), Rows.instant(rs, "head_time"));
                }
            }
        });
    }

    // Balances and history

    @Override
    public Optional<Balance> balance(AccountId accountId) {
        return account(accountId).map(Account::balance);
    }

    @Override
    public Optional<Balance> balance(AccountId accountId, Instant asOf) {
        Optional<Account> account = account(accountId);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        Totals totals = sql(connection -> {
            long through = AsOf.firstAtOrAfter(connection, id, Rows.justAfter(asOf)) - 1;
            return AsOf.perAccount(connection, id, AsOf.plan(connection, id, 0, through),
                    AsOf.Selection.ids(accountId.value()), 1);
        }).getOrDefault(accountId.value(), Totals.ZERO);
        return Optional.of(new Balance(accountId, account.get().asset(), account.get().kind(), totals));
    }

    @Override
    public List<AccountTotals> movements(AccountQuery query, long after, long through) {
        AsOf.Selection selection;
        if (query.equals(AccountQuery.all())) {
            selection = AsOf.Selection.EVERY;
        } else if (query.ids() != null && query.equals(AccountQuery.ids(query.ids()))) {
            selection = AsOf.Selection.ids(query.ids().stream().map(AccountId::value).toArray(Long[]::new));
        } else {
            selection = AsOf.Selection.where(AccountSql.of(query));
        }
        return sql(connection -> {
            Map<Long, Totals> moved = AsOf.perAccount(connection, id, AsOf.plan(connection, id, after, through),
                    selection, MOVED_ACCOUNTS_MAX);
            if (moved.size() > MOVED_ACCOUNTS_MAX) {
                throw new IllegalArgumentException("more than " + MOVED_ACCOUNTS_MAX + " accounts moved; narrow it");
            }
            Map<Long, Account> accounts = new HashMap<>();
            List<Long> ids = new ArrayList<>(moved.keySet());
            for (int from = 0; from < ids.size(); from += ACCOUNTS_PAGE_MAX) {
                List<Long> page = ids.subList(from, Math.min(ids.size(), from + ACCOUNTS_PAGE_MAX));
                try (PreparedStatement statement = connection.prepareStatement("select " + Rows.ACCOUNT_COLUMNS
                        + " from account where ledger_id = ? and id = any (?)")) {
                    statement.setLong(1, id.value());
                    statement.setArray(2, connection.createArrayOf("bigint", page.toArray()));
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            Account account = Rows.account(rs, assets);
                            accounts.put(account.id().value(), account);
                        }
                    }
                }
            }
            List<AccountTotals> result = new ArrayList<>(moved.size());
            moved.forEach((accountId, totals) -> result.add(AccountTotals.of(accounts.get(accountId), totals)));
            return result;
        });
    }

    @Override
    public List<TrialBalance> trialBalance(Instant asOf) {
        Map<String, TrialBalance> sums = sql(connection -> {
            long through = AsOf.firstAtOrAfter(connection, id, Rows.justAfter(asOf)) - 1;
            return AsOf.perAsset(connection, id, AsOf.plan(connection, id, 0, through), assets);
        });
        List<TrialBalance> result = new ArrayList<>();
        for (Asset asset : new TreeMap<>(assets).values()) {
            result.add(sums.getOrDefault(asset.code(), TrialBalance.zero(asset)));
        }
        return result;
    }

    @Override
    public HistoryPage history(AccountId accountId, Instant from, Instant to, long after, int limit) {
        Optional<Account> found = account(accountId);
        if (found.isEmpty()) {
            return new HistoryPage(List.of(), 0);
        }
        Account account = found.get();
        int max = History.clampLimit(limit);
        List<JournalEntry> entries = sql(connection -> JournalReader.entriesTouching(connection, id, assets,
                accountId, from, to, after, max + 1));
        List<HistoryLine> lines = new ArrayList<>();
        long last = 0;
        for (JournalEntry entry : entries) {
            if (lines.size() >= max) {
                return new HistoryPage(lines, last);
            }
            lines.addAll(History.linesOf(entry, account));
            last = entry.sequence();
        }
        return new HistoryPage(lines, 0);
    }

    @Override
    public NewestFirstPage historyNewestFirst(Set<AccountId> accountIds, Instant from, Instant to, long before,
                                              int limit) {
        if (accountIds.size() > AccountQuery.IDS_MAX) {
            throw new IllegalArgumentException("history of at most " + AccountQuery.IDS_MAX + " accounts at once");
        }
        int max = History.clampLimit(limit);
        return sql(connection -> {
            Map<AccountId, Account> wanted = new HashMap<>();
            Long[] ids = accountIds.stream().map(AccountId::value).toArray(Long[]::new);
            try (PreparedStatement statement = connection.prepareStatement("select " + Rows.ACCOUNT_COLUMNS
                    + " from account where ledger_id = ? and id = any (?)")) {
                statement.setLong(1, id.value());
                statement.setArray(2, connection.createArrayOf("bigint", ids));
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        Account account = Rows.account(rs, assets);
                        wanted.put(account.id(), account);
                    }
                }
            }
            if (wanted.isEmpty()) {
                return new NewestFirstPage(List.of(), 0);
            }
            List<Long> sequences = JournalReader.sequencesTouching(connection, id, wanted.keySet(), from, to,
                    before <= 0 ? Long.MAX_VALUE : before, max + 1);
            List<JournalEntry> entries = sequences.isEmpty() ? List.of()
                    : JournalReader.entries(connection, id, assets, sequences.subList(0, Math.min(max,
                            sequences.size())));
            List<HistoryLine> lines = new ArrayList<>();
            for (int i = entries.size() - 1; i >= 0; i--) {
                lines.addAll(History.linesOf(entries.get(i), wanted));
            }
            long next = sequences.size() > max ? sequences.get(max - 1) : 0;
            return new NewestFirstPage(lines, next);
        });
    }

    /**
     * Refreshes the planner's statistics of the ledger's tables. After a bulk load (opening thousands of
     * accounts, importing a journal), fresh statistics keep the writer's lookups on their primary keys until
     * autovacuum would have caught up.
     */
    public void analyze() {
        sql(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("analyze ledger, asset, account, entry, leg, account_day_closed");
            }
            return null;
        });
    }

    @Override
    public void close() {
        writer.close();
    }

    // Plumbing

    @FunctionalInterface
    private interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    private <T> T sql(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setReadOnly(false);
            return work.apply(connection);
        } catch (SQLException e) {
            throw new LedgerUnavailable("the ledger's database failed: " + e.getMessage(), e);
        }
    }

    private <T> T transaction(Work<T> work) {
        return sql(connection -> {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        });
    }
}
