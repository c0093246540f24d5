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
import java.sql.PreparedStatement;
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
 * One batch, one database transaction: lock the head, load what the batch touches (accounts locked in id
 * order), decide every entry in order against the running totals, then write entries, legs, totals, daily
 * aggregates and the new head with a handful of set-based statements. The caller commits.
 */
final class BatchTransaction implements BookState {
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
        Head head = lockHead();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (head.time != null && now.isBefore(head.time)) {
            now = head.time;
        }
        loadKeys(batch);
        loadPendings(batch);
        lockAccounts(batch);

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
            insertLegs(now);
            insertEntries(now);
            updateAccounts();
            addDailyAggregates(LocalDate.ofInstant(now, Rows.BUSINESS_ZONE));
            advanceHead(sequence, hash, now);
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

    private Head lockHead() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select head_sequence, head_hash, head_time from ledger where id = ? for update")) {
            statement.setLong(1, ledger.value());
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("ledger " + ledger.value() + " does not exist");
                }
                return new Head(rs.getLong(1), rs.getBytes(2), Rows.instant(rs, "head_time"));
            }
        }
    }

    private void loadKeys(List<Submission> batch) throws SQLException {
        Set<String> wanted = new LinkedHashSet<>();
        for (Submission submission : batch) {
            wanted.add(submission.request().key().value());
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "select key, sequence, request_digest from entry where ledger_id = ? and key = any (?)")) {
            statement.setLong(1, ledger.value());
            statement.setArray(2, connection.createArrayOf("text", wanted.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    keys.put(new EntryKey(rs.getString(1)), new PostedKey(rs.getLong(2), rs.getBytes(3)));
                }
            }
        }
    }

    private void loadPendings(List<Submission> batch) throws SQLException {
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
        if (holders.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                select e.key, l.sequence, l.leg_index, l.kind, l.debit_account_id, l.credit_account_id, l.asset,
                       l.amount, l.released_amount, l.pending_sequence, l.pending_leg_index, l.expires_at,
                       r.kind as resolved_by
                  from entry e
                  join leg l on l.ledger_id = e.ledger_id and l.sequence = e.sequence and l.kind = 'H'
                  left join leg r on r.ledger_id = l.ledger_id and r.pending_sequence = l.sequence
                                 and r.pending_leg_index = l.leg_index
                 where e.ledger_id = ? and e.key = any (?)""")) {
            statement.setLong(1, ledger.value());
            statement.setArray(2, connection.createArrayOf("text", holders.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    JournalLeg leg = Rows.leg(rs, assets);
                    String resolvedBy = rs.getString("resolved_by");
                    PendingState.Resolution resolution = resolvedBy == null ? PendingState.Resolution.OPEN
                            : resolvedBy.equals("C") ? PendingState.Resolution.POSTED : PendingState.Resolution.VOIDED;
                    PendingId id = new PendingId(new EntryKey(rs.getString("key")), leg.index());
                    track(new PendingState(id, rs.getLong("sequence"), leg, resolution));
                }
            }
        }
    }

    private void lockAccounts(List<Submission> batch) throws SQLException {
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
        for (PendingState pending : pendings.values()) {
            ids.add(pending.leg().debit().value());
            ids.add(pending.leg().credit().value());
        }
        try (PreparedStatement statement = connection.prepareStatement("select " + Rows.ACCOUNT_COLUMNS
                + " from account where ledger_id = ? and id = any (?) order by id for update")) {
            statement.setLong(1, ledger.value());
            statement.setArray(2, connection.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Account account = Rows.account(rs, assets);
                    accounts.put(account.id(), account);
                }
            }
        }
    }

    // Writing

    private void insertEntries(Instant now) throws SQLException {
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
        try (PreparedStatement statement = connection.prepareStatement("""
                insert into entry (ledger_id, sequence, key, kind, actor, memo, metadata, posted_at, leg_count,
                                   request_digest, hash)
                select ?, t.sequence, t.key, t.kind, t.actor, t.memo, t.metadata, ?, t.leg_count, t.digest, t.hash
                  from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::smallint[],
                              ?::bytea[], ?::bytea[])
                       as t(sequence, key, kind, actor, memo, metadata, leg_count, digest, hash)""")) {
            statement.setLong(1, ledger.value());
            Rows.setInstant(statement, 2, now);
            statement.setArray(3, array("bigint", sequences));
            statement.setArray(4, array("text", keysColumn));
            statement.setArray(5, array("text", kinds));
            statement.setArray(6, array("text", actors));
            statement.setArray(7, array("text", memos));
            statement.setArray(8, array("text", metadata));
            statement.setArray(9, array("smallint", legCounts));
            statement.setArray(10, array("bytea", digests));
            statement.setArray(11, array("bytea", hashes));
            statement.executeUpdate();
        }
    }

    private void insertLegs(Instant now) throws SQLException {
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
        try (PreparedStatement statement = connection.prepareStatement("""
                insert into leg (ledger_id, sequence, leg_index, kind, debit_account_id, credit_account_id, asset,
                                 amount, released_amount, pending_sequence, pending_leg_index, expires_at, posted_at)
                select ?, t.sequence, t.leg_index, t.kind, t.debit, t.credit, t.asset, t.amount, t.released,
                       t.pending_sequence, t.pending_leg, t.expires_at, ?
                  from unnest(?::bigint[], ?::smallint[], ?::char(1)[], ?::bigint[], ?::bigint[], ?::text[],
                              ?::bigint[], ?::bigint[], ?::bigint[], ?::smallint[], ?::timestamptz[])
                       as t(sequence, leg_index, kind, debit, credit, asset, amount, released, pending_sequence,
                            pending_leg, expires_at)""")) {
            statement.setLong(1, ledger.value());
            Rows.setInstant(statement, 2, now);
            statement.setArray(3, array("bigint", sequences.toArray()));
            statement.setArray(4, array("smallint", indexes.toArray()));
            statement.setArray(5, array("text", kinds.toArray()));
            statement.setArray(6, array("bigint", debits.toArray()));
            statement.setArray(7, array("bigint", credits.toArray()));
            statement.setArray(8, array("text", assetCodes.toArray()));
            statement.setArray(9, array("bigint", amounts.toArray()));
            statement.setArray(10, array("bigint", released.toArray()));
            statement.setArray(11, array("bigint", pendingSequences.toArray()));
            statement.setArray(12, array("smallint", pendingLegs.toArray()));
            statement.setArray(13, array("text", expiries.toArray()));
            statement.executeUpdate();
        }
    }

    private void updateAccounts() throws SQLException {
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
        try (PreparedStatement statement = connection.prepareStatement("""
                update account a
                   set debits_posted = t.debits_posted, credits_posted = t.credits_posted,
                       debits_pending = t.debits_pending, credits_pending = t.credits_pending
                  from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])
                       as t(id, debits_posted, credits_posted, debits_pending, credits_pending)
                 where a.ledger_id = ? and a.id = t.id""")) {
            statement.setArray(1, array("bigint", ids));
            statement.setArray(2, array("bigint", debitsPosted));
            statement.setArray(3, array("bigint", creditsPosted));
            statement.setArray(4, array("bigint", debitsPending));
            statement.setArray(5, array("bigint", creditsPending));
            statement.setLong(6, ledger.value());
            int updated = statement.executeUpdate();
            if (updated != n) {
                throw new IllegalStateException("updated " + updated + " account rows, expected " + n);
            }
        }
    }

    private void addDailyAggregates(LocalDate day) throws SQLException {
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
        try (PreparedStatement statement = connection.prepareStatement("""
                insert into account_daily (ledger_id, account_id, day, debits_posted, credits_posted,
                                           debits_pending, credits_pending)
                select ?, t.id, ?, t.debits_posted, t.credits_posted, t.debits_pending, t.credits_pending
                  from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])
                       as t(id, debits_posted, credits_posted, debits_pending, credits_pending)
                on conflict (ledger_id, account_id, day) do update
                   set debits_posted = account_daily.debits_posted + excluded.debits_posted,
                       credits_posted = account_daily.credits_posted + excluded.credits_posted,
                       debits_pending = account_daily.debits_pending + excluded.debits_pending,
                       credits_pending = account_daily.credits_pending + excluded.credits_pending""")) {
            statement.setLong(1, ledger.value());
            statement.setObject(2, day);
            statement.setArray(3, array("bigint", ids));
            for (int c = 0; c < 4; c++) {
                statement.setArray(4 + c, array("bigint", columns[c]));
            }
            statement.executeUpdate();
        }
    }

    private void advanceHead(long sequence, byte[] hash, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "update ledger set head_sequence = ?, head_hash = ?, head_time = ? where id = ?")) {
            statement.setLong(1, sequence);
            statement.setBytes(2, hash);
            Rows.setInstant(statement, 3, now);
            statement.setLong(4, ledger.value());
            statement.executeUpdate();
        }
    }

    private Array array(String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }
}
