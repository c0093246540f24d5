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
 * One batch, one database transaction: lock the head and load what the batch touches (accounts locked in id
 * order) in one round trip, decide every entry in order against the running totals, then write entries, legs,
 * totals, daily aggregates and the new head with set-based statements sent together in a second round trip
 * (see {@link Pipeline}). The caller commits.
 */
final class BatchTransaction implements BookState {
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
    private static final String UPDATE_ACCOUNTS = """
            update account a
               set debits_posted = t.debits_posted, credits_posted = t.credits_posted,
                   debits_pending = t.debits_pending, credits_pending = t.credits_pending
              from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])
                   as t(id, debits_posted, credits_posted, debits_pending, credits_pending)
             where a.ledger_id = ? and a.id = t.id""";
    private static final String ADD_DAILY_AGGREGATES = """
            insert into account_daily (ledger_id, account_id, day, debits_posted, credits_posted,
                                       debits_pending, credits_pending)
            select ?, t.id, ?, t.debits_posted, t.credits_posted, t.debits_pending, t.credits_pending
              from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])
                   as t(id, debits_posted, credits_posted, debits_pending, credits_pending)
            on conflict (ledger_id, account_id, day) do update
               set debits_posted = account_daily.debits_posted + excluded.debits_posted,
                   credits_posted = account_daily.credits_posted + excluded.credits_posted,
                   debits_pending = account_daily.debits_pending + excluded.debits_pending,
                   credits_pending = account_daily.credits_pending + excluded.credits_pending""";

    private final Connection connection;
    private final LedgerId ledger;
    private final Map<String, Asset> assets;
    private final Map<AccountId, Account> accounts = new HashMap<>();
    private final Map<EntryKey, PostedKey> keys = new HashMap<>();
    private final Map<PendingId, PendingState> pendings = new HashMap<>();
    private final Map<Position, PendingId> pendingsByPosition = new HashMap<>();
    private final Map<AccountId, Totals> dailyDeltas = new TreeMap<>((a, b) -> Long.compare(a.value(), b.value()));
    private final List<JournalEntry> written = new ArrayList<>();
    private final List<byte[]> writtenDigests = new ArrayList<>();

    BatchTransaction(Connection connection, LedgerId ledger, Map<String, Asset> assets) {
        this.connection = connection;
        this.ledger = ledger;
        this.assets = assets;
    }

    /** Decides and writes the batch; returns one result per submission, in order. Does not commit. */
    List<PostResult> run(List<Submission> batch, Clock clock) throws SQLException {
        Head head = load(batch);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (head.time != null && now.isBefore(head.time)) {
            now = head.time;
        }

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
            addDailyAggregates(writes, LocalDate.ofInstant(now, Rows.BUSINESS_ZONE));
            advanceHead(writes, sequence, hash, now);
            writes.run(connection);
        }
        return results;
    }

    List<JournalEntry> written() {
        return written;
    }

    private void remember(JournalEntry entry, byte[] digest, EntryDecision.Accepted accepted) {
        written.add(entry);
        writtenDigests.add(digest);
        keys.put(entry.key(), new PostedKey(entry.sequence(), digest));
        accepted.totals().forEach((id, totals) -> {
            Account before = accounts.get(id);
            dailyDeltas.merge(id, totals.minus(before.totals()), Totals::plus);
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

    private record Head(long sequence, byte[] hash, Instant time) {
    }

    /**
     * Locks the head, reads which of the batch's keys are on the books already and locks the accounts its legs
     * name, in one round trip (the head first: every writer takes it before any account, so the accounts' order
     * cannot deadlock). A batch that resolves pending legs needs a second one, for the pendings and the accounts
     * their legs name.
     */
    private Head load(List<Submission> batch) throws SQLException {
        Head[] head = new Head[1];
        Pipeline reads = new Pipeline()
                .query("select head_sequence, head_hash, head_time from ledger where id = ? for update", 1,
                        (statement, first) -> statement.setLong(first, ledger.value()),
                        rows -> head[0] = head(rows));
        loadKeys(reads, batch);
        lockAccounts(reads, accountIds(batch));
        reads.run(connection);
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
            more.removeIf(id -> accounts.containsKey(new AccountId(id)));
            if (!more.isEmpty()) {
                Pipeline accountReads = new Pipeline();
                lockAccounts(accountReads, more);
                accountReads.run(connection);
            }
        }
        return head[0];
    }

    private Head head(ResultSet rs) throws SQLException {
        if (!rs.next()) {
            throw new IllegalStateException("ledger " + ledger.value() + " does not exist");
        }
        return new Head(rs.getLong(1), rs.getBytes(2), Rows.instant(rs, "head_time"));
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

    private void lockAccounts(Pipeline reads, Set<Long> ids) {
        reads.query("select " + Rows.ACCOUNT_COLUMNS
                        + " from account where ledger_id = ? and id = any (?) order by id for update", 2,
                (statement, first) -> {
                    statement.setLong(first, ledger.value());
                    statement.setArray(first + 1, array("bigint", ids.toArray()));
                },
                rows -> {
                    while (rows.next()) {
                        Account account = Rows.account(rows, assets);
                        accounts.put(account.id(), account);
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
        int n = dailyDeltas.size();
        Long[] ids = new Long[n];
        Long[] debitsPosted = new Long[n];
        Long[] creditsPosted = new Long[n];
        Long[] debitsPending = new Long[n];
        Long[] creditsPending = new Long[n];
        int i = 0;
        for (AccountId id : dailyDeltas.keySet()) {
            Totals totals = accounts.get(id).totals();
            ids[i] = id.value();
            debitsPosted[i] = totals.debitsPosted();
            creditsPosted[i] = totals.creditsPosted();
            debitsPending[i] = totals.debitsPending();
            creditsPending[i] = totals.creditsPending();
            i++;
        }
        writes.update(UPDATE_ACCOUNTS, 6, (statement, first) -> {
            statement.setArray(first, array("bigint", ids));
            statement.setArray(first + 1, array("bigint", debitsPosted));
            statement.setArray(first + 2, array("bigint", creditsPosted));
            statement.setArray(first + 3, array("bigint", debitsPending));
            statement.setArray(first + 4, array("bigint", creditsPending));
            statement.setLong(first + 5, ledger.value());
        }, rows -> expect(rows, n, "account"));
    }

    private void addDailyAggregates(Pipeline writes, LocalDate day) {
        int n = dailyDeltas.size();
        Long[] ids = new Long[n];
        Long[][] columns = new Long[4][n];
        int i = 0;
        for (Map.Entry<AccountId, Totals> delta : dailyDeltas.entrySet()) {
            Totals totals = delta.getValue();
            ids[i] = delta.getKey().value();
            columns[0][i] = totals.debitsPosted();
            columns[1][i] = totals.creditsPosted();
            columns[2][i] = totals.debitsPending();
            columns[3][i] = totals.creditsPending();
            i++;
        }
        writes.update(ADD_DAILY_AGGREGATES, 7, (statement, first) -> {
            statement.setLong(first, ledger.value());
            statement.setObject(first + 1, day);
            statement.setArray(first + 2, array("bigint", ids));
            for (int c = 0; c < 4; c++) {
                statement.setArray(first + 3 + c, array("bigint", columns[c]));
            }
        }, rows -> expect(rows, n, "account_daily"));
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
