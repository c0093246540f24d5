package kyodo.ledger.postgres;

import kyodo.ledger.Account;
import kyodo.ledger.AccountId;
import kyodo.ledger.Asset;
import kyodo.ledger.BookState;
import kyodo.ledger.CanonicalEncoding;
import kyodo.ledger.EntryDecision;
import kyodo.ledger.EntryKey;
import kyodo.ledger.EntryRequest;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.JournalLeg;
import kyodo.ledger.Leg;
import kyodo.ledger.LedgerId;
import kyodo.ledger.PendingId;
import kyodo.ledger.PendingState;
import kyodo.ledger.PostResult;
import kyodo.ledger.ResultCode;
import kyodo.ledger.Totals;
import kyodo.ledger.calendar.BusinessCalendar;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One batch, one database transaction: lock the head and load what the batch touches in one round trip (accounts
 * the writer's {@link AccountCache} holds are not read again), decide every entry in order against the running
 * totals, then write entries, legs, account totals with their open day's movements, and the new head with
 * set-based statements sent together in a second round trip (see {@link Pipeline}). The caller commits.
 */
final class BatchTransaction implements BookState {
    private static final String LOCK_HEAD =
            "select head_sequence, head_hash, head_time, accounts_version from ledger where id = ? for update";
    private static final String INSERT_ENTRIES = """
            insert into entry (ledger_id, sequence, key, kind, actor, memo, metadata, posted_at, leg_count,
                               request_digest, hash)
            select ?, t.sequence, t.key, t.kind, t.actor, t.memo, t.metadata, ?, t.leg_count, t.digest, t.hash
              from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::smallint[],
                          ?::bytea[], ?::bytea[])
                   as t(sequence, key, kind, actor, memo, metadata, leg_count, digest, hash)""";
    private static final String INSERT_LEGS = """
            insert into leg (ledger_id, sequence, leg_index, kind, debit_account_id, credit_account_id, asset,
                             amount, released_amount, pending_sequence, pending_leg_index, expires_at, posted_at)
            select ?, t.sequence, t.leg_index, t.kind, t.debit, t.credit, t.asset, t.amount, t.released,
                   t.pending_sequence, t.pending_leg, t.expires_at, ?
              from unnest(?::bigint[], ?::smallint[], ?::char(1)[], ?::bigint[], ?::bigint[], ?::text[],
                          ?::bigint[], ?::bigint[], ?::bigint[], ?::smallint[], ?::timestamptz[])
                   as t(sequence, leg_index, kind, debit, credit, asset, amount, released, pending_sequence,
                        pending_leg, expires_at)""";
    /**
     * Sets each account's totals and adds the batch's movements to its open day; an account whose open day is
     * over first moves that day's movements to {@code account_day_closed} (the ids given, guarded by the date).
     */
    private static final String UPDATE_ACCOUNTS = """
            with day as (select ?::date as value),
            closed as (
                insert into account_day_closed (ledger_id, account_id, day, debits_posted, credits_posted,
                                                debits_pending, credits_pending)
                select a.ledger_id, a.id, a.open_day, a.open_debits_posted, a.open_credits_posted,
                       a.open_debits_pending, a.open_credits_pending
                  from account a, day
                 where a.ledger_id = ? and a.id = any (?::bigint[]) and a.open_day < day.value)
            update account a
               set debits_posted = t.debits_posted, credits_posted = t.credits_posted,
                   debits_pending = t.debits_pending, credits_pending = t.credits_pending,
                   open_day = day.value,
                   open_debits_posted = t.moved_debits_posted
                       + case when a.open_day = day.value then a.open_debits_posted else 0 end,
                   open_credits_posted = t.moved_credits_posted
                       + case when a.open_day = day.value then a.open_credits_posted else 0 end,
                   open_debits_pending = t.moved_debits_pending
                       + case when a.open_day = day.value then a.open_debits_pending else 0 end,
                   open_credits_pending = t.moved_credits_pending
                       + case when a.open_day = day.value then a.open_credits_pending else 0 end
              from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[],
                          ?::bigint[], ?::bigint[])
                   as t(id, debits_posted, credits_posted, debits_pending, credits_pending, moved_debits_posted,
                        moved_credits_posted, moved_debits_pending, moved_credits_pending),
                   day
             where a.ledger_id = ? and a.id = t.id""";

    private final Connection connection;
    private final LedgerId ledger;
    private final Map<String, Asset> assets;
    private final AccountCache cache;
    private final Map<AccountId, Account> accounts = new HashMap<>();
    private final Map<AccountId, LocalDate> openDays = new HashMap<>();
    private final Map<EntryKey, PostedKey> keys = new HashMap<>();
    private final Map<PendingId, PendingState> pendings = new HashMap<>();
    private final Map<Position, PendingId> pendingsByPosition = new HashMap<>();
    /** Per account, what this batch moves: added to its open day's movements. */
    private final Map<AccountId, Totals> movements = new TreeMap<>((a, b) -> Long.compare(a.value(), b.value()));
    private final List<JournalEntry> written = new ArrayList<>();
    private final List<byte[]> writtenDigests = new ArrayList<>();

    private Head head;
    private long lastSequence;
    private LocalDate day;

    BatchTransaction(Connection connection, LedgerId ledger, Map<String, Asset> assets, AccountCache cache) {
        this.connection = connection;
        this.ledger = ledger;
        this.assets = assets;
        this.cache = cache;
    }

    /** Decides and writes the batch; returns one result per submission, in order. Does not commit. */
    List<PostResult> run(List<Submission> batch, Clock clock) throws SQLException {
        head = load(batch);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (head.time != null && now.isBefore(head.time)) {
            now = head.time;
        }
        day = BusinessCalendar.dayOf(now);

        List<PostResult> results = new ArrayList<>(batch.size());
        long sequence = head.sequence;
        byte[] hash = head.hash;
        for (Submission submission : batch) {
            EntryRequest request = submission.request();
            EntryDecision decision = EntryDecision.decide(request, submission.digest(), now, this);
            if (decision instanceof EntryDecision.Rejected rejected) {
                results.add(rejected.result());
                continue;
            }
            EntryDecision.Accepted accepted = (EntryDecision.Accepted) decision;
            sequence++;
            JournalEntry unhashed = new JournalEntry(ledger, sequence, request.key(), request.kind(),
                    request.actor(), request.memo(), request.metadata(), now, accepted.legs(), hash);
            hash = CanonicalEncoding.chain(hash, CanonicalEncoding.encode(unhashed));
            JournalEntry entry = new JournalEntry(ledger, sequence, request.key(), request.kind(), request.actor(),
                    request.memo(), request.metadata(), now, accepted.legs(), hash);
            remember(entry, submission.digest(), accepted);
            results.add(PostResult.posted(request.key(), ResultCode.POSTED, sequence));
        }
        if (!written.isEmpty()) {
            // Legs first: the database checks each entry against its legs when the entry is inserted.
            Pipeline writes = new Pipeline();
            insertLegs(writes, now);
            insertEntries(writes, now);
            updateAccounts(writes);
            advanceHead(writes, sequence, hash, now);
            writes.run(connection);
        }
        lastSequence = sequence;
        return results;
    }

    List<JournalEntry> written() {
        return written;
    }

    /** The accounts this batch read, as it leaves them: for the writer's cache once the batch is committed. */
    Map<AccountId, AccountCache.Cached> accountsAfter() {
        Map<AccountId, AccountCache.Cached> after = new HashMap<>();
        accounts.forEach((id, account) -> after.put(id, new AccountCache.Cached(account,
                movements.containsKey(id) ? day : openDays.get(id))));
        return after;
    }

    /** The head this batch leaves, once committed. */
    AccountCache.Stamp stampAfter() {
        return new AccountCache.Stamp(lastSequence, head.accountsVersion());
    }

    private void remember(JournalEntry entry, byte[] digest, EntryDecision.Accepted accepted) {
        written.add(entry);
        writtenDigests.add(digest);
        keys.put(entry.key(), new PostedKey(entry.sequence(), digest));
        accepted.totals().forEach((id, totals) -> {
            Account before = accounts.get(id);
            movements.merge(id, totals.minus(before.totals()), Totals::plus);
            accounts.put(id, before.withTotals(totals));
        });
        for (JournalLeg leg : entry.legs()) {
            switch (leg.kind()) {
                case PENDING -> {
                    PendingId id = new PendingId(entry.key(), leg.index());
                    track(new PendingState(id, entry.sequence(), leg, PendingState.Resolution.OPEN));
                }
                case POST_PENDING, VOID_PENDING -> {
                    PendingId id = pendingsByPosition.get(new Position(leg.pendingSequence(), leg.pendingLeg()));
                    pendings.put(id, pendings.get(id).resolvedBy(leg.kind()));
                }
                case POSTED -> {
                    // nothing pending
                }
            }
        }
    }

    /** Where a pending leg sits in the journal; resolution legs name their pending this way. */
    private record Position(long sequence, int leg) {
    }

    private void track(PendingState pending) {
        pendings.put(pending.id(), pending);
        pendingsByPosition.put(new Position(pending.sequence(), pending.leg().index()), pending.id());
    }

    // BookState

    @Override
    public Account account(AccountId id) {
        return accounts.get(id);
    }

    @Override
    public PostedKey posted(EntryKey key) {
        return keys.get(key);
    }

    @Override
    public PendingState pending(PendingId id) {
        return pendings.get(id);
    }

    // Loading

    private record Head(long sequence, byte[] hash, Instant time, long accountsVersion) {
    }

    /**
     * Locks the head, reads which of the batch's keys are on the books already and reads the accounts its legs
     * name that the writer's cache does not hold, in one round trip. The head lock is what keeps the accounts
     * still until the commit: every change to an account row is made under it. If the head shows that something
     * changed since the cache was exact, the cache is dropped and the rest of the accounts are read in a second
     * round trip. A batch that resolves pending legs needs another one, for the pendings and their accounts.
     */
    private Head load(List<Submission> batch) throws SQLException {
        Head[] locked = new Head[1];
        Set<Long> named = accountIds(batch);
        Set<Long> unseen = new TreeSet<>(named);
        unseen.removeIf(id -> cache.get(new AccountId(id)) != null);
        Pipeline reads = new Pipeline()
                .query(LOCK_HEAD, 1, (statement, first) -> statement.setLong(first, ledger.value()),
                        rows -> locked[0] = head(rows));
        loadKeys(reads, batch);
        if (!unseen.isEmpty()) {
            readAccounts(reads, unseen);
        }
        reads.run(connection);
        cache.validate(new AccountCache.Stamp(locked[0].sequence(), locked[0].accountsVersion()));
        readAccounts(named);
        Set<String> holders = pendingHolders(batch);
        if (!holders.isEmpty()) {
            Pipeline pendingReads = new Pipeline();
            loadPendings(pendingReads, holders);
            pendingReads.run(connection);
            Set<Long> more = new TreeSet<>();
            for (PendingState pending : pendings.values()) {
                more.add(pending.leg().debit().value());
                more.add(pending.leg().credit().value());
            }
            readAccounts(more);
        }
        return locked[0];
    }

    /** Takes what the cache holds of {@code ids} and reads the rest, in a round trip of its own if any is left. */
    private void readAccounts(Set<Long> ids) throws SQLException {
        Set<Long> missing = new TreeSet<>();
        for (Long id : ids) {
            AccountId accountId = new AccountId(id);
            if (accounts.containsKey(accountId)) {
                continue;
            }
            AccountCache.Cached cached = cache.get(accountId);
            if (cached == null) {
                missing.add(id);
            } else {
                accounts.put(accountId, cached.account());
                openDays.put(accountId, cached.openDay());
            }
        }
        if (!missing.isEmpty()) {
            Pipeline reads = new Pipeline();
            readAccounts(reads, missing);
            reads.run(connection);
        }
    }

    private Head head(ResultSet rs) throws SQLException {
        if (!rs.next()) {
            throw new IllegalStateException("ledger " + ledger.value() + " does not exist");
        }
        return new Head(rs.getLong(1), rs.getBytes(2), Rows.instant(rs, "head_time"), rs.getLong(4));
    }

    private void loadKeys(Pipeline reads, List<Submission> batch) {
        Set<String> wanted = new LinkedHashSet<>();
        for (Submission submission : batch) {
            wanted.add(submission.request().key().value());
        }
        reads.query("select key, sequence, request_digest from entry where ledger_id = ? and key = any (?)", 2,
                (statement, first) -> {
                    statement.setLong(first, ledger.value());
                    statement.setArray(first + 1, array("text", wanted.toArray()));
                },
                rows -> {
                    while (rows.next()) {
                        keys.put(new EntryKey(rows.getString(1)), new PostedKey(rows.getLong(2), rows.getBytes(3)));
                    }
                });
    }

    private static Set<String> pendingHolders(List<Submission> batch) {
        Set<String> holders = new LinkedHashSet<>();
        for (Submission submission : batch) {
            for (Leg leg : submission.request().legs()) {
                if (leg instanceof Leg.PostPending p) {
                    holders.add(p.pending().entry().value());
                } else if (leg instanceof Leg.VoidPending v) {
                    holders.add(v.pending().entry().value());
                }
            }
        }
        return holders;
    }

    private void loadPendings(Pipeline reads, Set<String> holders) {
        reads.query("""
                select e.key, l.sequence, l.leg_index, l.kind, l.debit_account_id, l.credit_account_id, l.asset,
                       l.amount, l.released_amount, l.pending_sequence, l.pending_leg_index, l.expires_at,
                       r.kind as resolved_by
                  from entry e
                  join leg l on l.ledger_id = e.ledger_id and l.sequence = e.sequence and l.kind = 'H'
                  left join leg r on r.ledger_id = l.ledger_id and r.pending_sequence = l.sequence
                                 and r.pending_leg_index = l.leg_index
                 where e.ledger_id = ? and e.key = any (?)""", 2,
                (statement, first) -> {
                    statement.setLong(first, ledger.value());
                    statement.setArray(first + 1, array("text", holders.toArray()));
                },
                rows -> {
                    while (rows.next()) {
                        JournalLeg leg = Rows.leg(rows, assets);
                        String resolvedBy = rows.getString("resolved_by");
                        PendingState.Resolution resolution = resolvedBy == null ? PendingState.Resolution.OPEN
                                : resolvedBy.equals("C") ? PendingState.Resolution.POSTED
                                : PendingState.Resolution.VOIDED;
                        PendingId id = new PendingId(new EntryKey(rows.getString("key")), leg.index());
                        track(new PendingState(id, rows.getLong("sequence"), leg, resolution));
                    }
                });
    }

    private static Set<Long> accountIds(List<Submission> batch) {
        Set<Long> ids = new TreeSet<>();
        for (Submission submission : batch) {
            for (Leg leg : submission.request().legs()) {
                if (leg instanceof Leg.Transfer t) {
                    ids.add(t.debit().value());
                    ids.add(t.credit().value());
                } else if (leg instanceof Leg.Hold h) {
                    ids.add(h.debit().value());
                    ids.add(h.credit().value());
                }
            }
        }
        return ids;
    }

    private void readAccounts(Pipeline reads, Set<Long> ids) {
        reads.query("select " + Rows.ACCOUNT_COLUMNS + ", open_day from account where ledger_id = ? and id = any (?)",
                2,
                (statement, first) -> {
                    statement.setLong(first, ledger.value());
                    statement.setArray(first + 1, array("bigint", ids.toArray()));
                },
                rows -> {
                    while (rows.next()) {
                        Account account = Rows.account(rows, assets);
                        accounts.put(account.id(), account);
                        openDays.put(account.id(), rows.getObject("open_day", LocalDate.class));
                    }
                });
    }

    // Writing

    private void insertEntries(Pipeline writes, Instant now) {
        int n = written.size();
        Long[] sequences = new Long[n];
        String[] keysColumn = new String[n];
        String[] kinds = new String[n];
        String[] actors = new String[n];
        String[] memos = new String[n];
        String[] metadata = new String[n];
        Short[] legCounts = new Short[n];
        byte[][] digests = new byte[n][];
        byte[][] hashes = new byte[n][];
        for (int i = 0; i < n; i++) {
            JournalEntry entry = written.get(i);
            sequences[i] = entry.sequence();
            keysColumn[i] = entry.key().value();
            kinds[i] = entry.kind().code();
            actors[i] = entry.actor();
            memos[i] = entry.memo();
            metadata[i] = entry.metadata();
            legCounts[i] = (short) entry.legs().size();
            digests[i] = writtenDigests.get(i);
            hashes[i] = entry.hash();
        }
        writes.update(INSERT_ENTRIES, 11, (statement, first) -> {
            statement.setLong(first, ledger.value());
            Rows.setInstant(statement, first + 1, now);
            statement.setArray(first + 2, array("bigint", sequences));
            statement.setArray(first + 3, array("text", keysColumn));
            statement.setArray(first + 4, array("text", kinds));
            statement.setArray(first + 5, array("text", actors));
            statement.setArray(first + 6, array("text", memos));
            statement.setArray(first + 7, array("text", metadata));
            statement.setArray(first + 8, array("smallint", legCounts));
            statement.setArray(first + 9, array("bytea", digests));
            statement.setArray(first + 10, array("bytea", hashes));
        }, rows -> expect(rows, n, "entry"));
    }

    private void insertLegs(Pipeline writes, Instant now) {
        List<Long> sequences = new ArrayList<>();
        List<Short> indexes = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<Long> debits = new ArrayList<>();
        List<Long> credits = new ArrayList<>();
        List<String> assetCodes = new ArrayList<>();
        List<Long> amounts = new ArrayList<>();
        List<Long> released = new ArrayList<>();
        List<Long> pendingSequences = new ArrayList<>();
        List<Short> pendingLegs = new ArrayList<>();
        List<String> expiries = new ArrayList<>();
        for (JournalEntry entry : written) {
            for (JournalLeg leg : entry.legs()) {
                boolean resolution = leg.pendingSequence() != 0;
                sequences.add(entry.sequence());
                indexes.add((short) leg.index());
                kinds.add(String.valueOf(leg.kind().letter()));
                debits.add(leg.debit().value());
                credits.add(leg.credit().value());
                assetCodes.add(leg.asset().code());
                amounts.add(leg.amount());
                released.add(resolution ? leg.released() : null);
                pendingSequences.add(resolution ? leg.pendingSequence() : null);
                pendingLegs.add(resolution ? (short) leg.pendingLeg() : null);
                expiries.add(leg.expiresAt() == null ? null : leg.expiresAt().toString());
            }
        }
        writes.update(INSERT_LEGS, 13, (statement, first) -> {
            statement.setLong(first, ledger.value());
            Rows.setInstant(statement, first + 1, now);
            statement.setArray(first + 2, array("bigint", sequences.toArray()));
            statement.setArray(first + 3, array("smallint", indexes.toArray()));
            statement.setArray(first + 4, array("text", kinds.toArray()));
            statement.setArray(first + 5, array("bigint", debits.toArray()));
            statement.setArray(first + 6, array("bigint", credits.toArray()));
            statement.setArray(first + 7, array("text", assetCodes.toArray()));
            statement.setArray(first + 8, array("bigint", amounts.toArray()));
            statement.setArray(first + 9, array("bigint", released.toArray()));
            statement.setArray(first + 10, array("bigint", pendingSequences.toArray()));
            statement.setArray(first + 11, array("smallint", pendingLegs.toArray()));
            statement.setArray(first + 12, array("text", expiries.toArray()));
        }, rows -> expect(rows, sequences.size(), "leg"));
    }

    private void updateAccounts(Pipeline writes) {
        int n = movements.size();
        Long[] ids = new Long[n];
        Long[][] columns = new Long[8][n];
        List<Long> dayOver = new ArrayList<>();
        int i = 0;
        for (Map.Entry<AccountId, Totals> moved : movements.entrySet()) {
            AccountId id = moved.getKey();
            ids[i] = id.value();
            put(columns, 0, i, accounts.get(id).totals());
            put(columns, 4, i, moved.getValue());
            LocalDate openDay = openDays.get(id);
            if (openDay != null && openDay.isAfter(day)) {
                throw new IllegalStateException("account " + id.value() + " has movements on " + openDay
                        + ", after this batch's day " + day + ": the head's time should have prevented that");
            }
            if (openDay != null && openDay.isBefore(day)) {
                dayOver.add(id.value());
            }
            i++;
        }
        writes.update(UPDATE_ACCOUNTS, 13, (statement, first) -> {
            statement.setObject(first, day);
            statement.setLong(first + 1, ledger.value());
            statement.setArray(first + 2, array("bigint", dayOver.toArray()));
            statement.setArray(first + 3, array("bigint", ids));
            for (int c = 0; c < 8; c++) {
                statement.setArray(first + 4 + c, array("bigint", columns[c]));
            }
            statement.setLong(first + 12, ledger.value());
        }, rows -> expect(rows, n, "account"));
    }

    private static void put(Long[][] columns, int from, int row, Totals totals) {
        columns[from][row] = totals.debitsPosted();
        columns[from + 1][row] = totals.creditsPosted();
        columns[from + 2][row] = totals.debitsPending();
        columns[from + 3][row] = totals.creditsPending();
    }

    private void advanceHead(Pipeline writes, long sequence, byte[] hash, Instant now) {
        writes.update("update ledger set head_sequence = ?, head_hash = ?, head_time = ? where id = ?", 4,
                (statement, first) -> {
                    statement.setLong(first, sequence);
                    statement.setBytes(first + 1, hash);
                    Rows.setInstant(statement, first + 2, now);
                    statement.setLong(first + 3, ledger.value());
                }, rows -> expect(rows, 1, "ledger"));
    }

    private static void expect(int rows, int expected, String table) {
        if (rows != expected) {
            throw new IllegalStateException("wrote " + rows + " " + table + " rows, expected " + expected);
        }
    }

    private Array array(String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }
}
