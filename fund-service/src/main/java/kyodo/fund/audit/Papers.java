package kyodo.fund.audit;

import kyodo.fund.access.UserId;
import kyodo.ledger.LedgerId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reconciliation's working papers: statement imports, their lines, matches and resolution notes. Rows are
 * only ever inserted (the database refuses updates and deletes); a match is unique per line and per bank leg.
 */
@Repository
class Papers {
    static final int IMPORTS_LIST_MAX = 200;
    /** Serialises imports, so two overlapping files uploaded at once still count their new lines right. */
    private static final long IMPORT_LOCK = 0x4b796f646f41L;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    Papers(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    void lockImports() {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(IMPORT_LOCK).query(rs -> {
        });
    }

    Optional<StatementImport> importByHash(byte[] sha256) {
        return jdbc.sql("select * from fund_audit_statement_import where file_sha256 = ?").param(sha256)
                .query(Papers::importRow).optional();
    }

    Optional<StatementImport> importById(long id) {
        return jdbc.sql("select * from fund_audit_statement_import where id = ?").param(id)
                .query(Papers::importRow).optional();
    }

    List<StatementImport> imports() {
        return jdbc.sql("select * from fund_audit_statement_import order by id desc limit ?")
                .param(IMPORTS_LIST_MAX).query(Papers::importRow).list();
    }

    /** Which of these line fingerprints an earlier import already holds. */
    Set<String> existingFingerprints(List<byte[]> fingerprints) {
        Set<String> found = new HashSet<>();
        String[] hex = fingerprints.stream().map(HexFormat.of()::formatHex).toArray(String[]::new);
        template.query(connection -> {
            var statement = connection.prepareStatement("""
                    select fingerprint from fund_audit_statement_line
                     where fingerprint in (select decode(h, 'hex') from unnest(?::text[]) as h)""");
            statement.setArray(1, connection.createArrayOf("text", hex));
            return statement;
        }, rs -> {
            found.add(HexFormat.of().formatHex(rs.getBytes(1)));
        });
        return found;
    }

    long insertImport(byte[] sha256, String fileName, String encoding, int lineCount, int newLineCount,
                      LocalDate firstDay, LocalDate lastDay, UserId by, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into fund_audit_statement_import (file_sha256, file_name, encoding, line_count,
                            new_line_count, first_day, last_day, imported_by, imported_at)
                        values (:sha, :name, :encoding, :lines, :newLines, :first, :last, :by, :at)""")
                .param("sha", sha256).param("name", fileName).param("encoding", encoding).param("lines", lineCount)
                .param("newLines", newLineCount).param("first", Date.valueOf(firstDay))
                .param("last", Date.valueOf(lastDay)).param("by", by.value()).param("at", Timestamp.from(at))
                .update(key, "id");
        return key.getKey().longValue();
    }

    record NewLine(int lineNumber, LocalDate day, long amount, String description, String reference,
                   byte[] fingerprint) {
    }

    void insertLines(long importId, List<NewLine> lines) {
        template.batchUpdate("""
                        insert into fund_audit_statement_line (import_id, line_number, day, amount, description,
                            reference, fingerprint) values (?, ?, ?, ?, ?, ?, ?)""", lines, 1000,
                (statement, line) -> {
                    statement.setLong(1, importId);
                    statement.setInt(2, line.lineNumber());
                    statement.setDate(3, Date.valueOf(line.day()));
                    statement.setLong(4, line.amount());
                    statement.setString(5, line.description());
                    statement.setString(6, line.reference());
                    statement.setBytes(7, line.fingerprint());
                });
    }

    List<StatementLine> lines(long importId) {
        return jdbc.sql("select * from fund_audit_statement_line where import_id = ? order by line_number")
                .param(importId).query(Papers::lineRow).list();
    }

    Optional<StatementLine> line(long id) {
        return jdbc.sql("select * from fund_audit_statement_line where id = ?").param(id).query(Papers::lineRow)
                .optional();
    }

    /** A match as stored: the line and the bank leg (entry sequence and leg index) with the rule that paired them. */
    record Match(long lineId, long sequence, int leg, String rule) {
    }

    /** Matches of the lines of one import. */
    List<Match> matchesOf(long importId) {
        return jdbc.sql("""
                        select m.line_id, m.entry_sequence, m.leg_index, m.rule from fund_audit_match m
                          join fund_audit_statement_line l on l.id = m.line_id
                         where l.import_id = ? order by l.line_number""")
                .param(importId)
                .query((rs, n) -> new Match(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4))).list();
    }

    /** Bank legs in a sequence range that some statement line already matched, as "sequence/leg". */
    Set<String> matchedLegs(LedgerId ledger, long firstSequence, long lastSequence) {
        Set<String> matched = new HashSet<>();
        jdbc.sql("""
                        select entry_sequence, leg_index from fund_audit_match
                         where ledger_id = ? and entry_sequence between ? and ?""")
                .params(ledger.value(), firstSequence, lastSequence)
                .query(rs -> {
                    matched.add(legKey(rs.getLong(1), rs.getInt(2)));
                });
        return matched;
    }

    static String legKey(long sequence, int leg) {
        return sequence + "/" + leg;
    }

    /** Records a match unless either side is matched already (then nothing changes); whether it was recorded. */
    boolean insertMatch(long lineId, LedgerId ledger, long sequence, int leg, String rule, UserId by, Instant at) {
        return jdbc.sql("""
                        insert into fund_audit_match (line_id, ledger_id, entry_sequence, leg_index, rule, matched_by,
                            matched_at) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(lineId, ledger.value(), sequence, leg, rule, by.value(), Timestamp.from(at)).update() == 1;
    }

    void insertLineNote(long lineId, String text, UserId by, Instant at) {
        jdbc.sql("insert into fund_audit_note (line_id, note, written_by, written_at) values (?, ?, ?, ?)")
                .params(lineId, text, by.value(), Timestamp.from(at)).update();
    }

    void insertLegNote(LedgerId ledger, long sequence, int leg, String text, UserId by, Instant at) {
        jdbc.sql("""
                        insert into fund_audit_note (ledger_id, entry_sequence, leg_index, note, written_by, written_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(ledger.value(), sequence, leg, text, by.value(), Timestamp.from(at)).update();
    }

    /** The latest note per statement line of one import. */
    Map<Long, ResolutionNote> lineNotes(long importId) {
        Map<Long, ResolutionNote> notes = new HashMap<>();
        jdbc.sql("""
                        select distinct on (n.line_id) n.line_id, n.note, n.written_by, n.written_at
                          from fund_audit_note n join fund_audit_statement_line l on l.id = n.line_id
                         where l.import_id = ? order by n.line_id, n.id desc""")
                .param(importId)
                .query(rs -> {
                    notes.put(rs.getLong(1), new ResolutionNote(rs.getString(2), actor(rs.getLong(3)),
                            rs.getTimestamp(4).toInstant()));
                });
        return notes;
    }

    /** The latest note per bank leg ("sequence/leg") in a sequence range. */
    Map<String, ResolutionNote> legNotes(LedgerId ledger, long firstSequence, long lastSequence) {
        Map<String, ResolutionNote> notes = new HashMap<>();
        jdbc.sql("""
                        select distinct on (entry_sequence, leg_index) entry_sequence, leg_index, note, written_by,
                               written_at
                          from fund_audit_note
                         where line_id is null and ledger_id = ? and entry_sequence between ? and ?
                         order by entry_sequence, leg_index, id desc""")
                .params(ledger.value(), firstSequence, lastSequence)
                .query(rs -> {
                    notes.put(legKey(rs.getLong(1), rs.getInt(2)), new ResolutionNote(rs.getString(3),
                            actor(rs.getLong(4)),
                            rs.getTimestamp(5).toInstant()));
                });
        return notes;
    }

    /** Who wrote a working paper, as the journal names its actors (the auditor's pages show both alike). */
    private static String actor(long userId) {
        return new UserId(userId).journalActor();
    }

    private static StatementImport importRow(ResultSet rs, int n) throws SQLException {
        return new StatementImport(rs.getLong("id"), rs.getString("file_name"), rs.getString("encoding"),
                rs.getInt("line_count"), rs.getInt("new_line_count"), rs.getDate("first_day").toLocalDate(),
                rs.getDate("last_day").toLocalDate(), actor(rs.getLong("imported_by")),
                rs.getTimestamp("imported_at").toInstant());
    }

    private static StatementLine lineRow(ResultSet rs, int n) throws SQLException {
        return new StatementLine(rs.getLong("id"), rs.getLong("import_id"), rs.getInt("line_number"),
                rs.getDate("day").toLocalDate(), rs.getLong("amount"), rs.getString("description"),
                rs.getString("reference"));
    }

    /**
     * What the fund's records say about the entries of {@code keys}: for donations, the receipt number
     * ({@code 2026-000123}) of the donation whose entry or reversing entry it is. Used as bank references.
     */
    Map<String, String> receiptNumbersByEntryKey(java.util.Collection<String> keys) {
        Map<String, String> numbers = new HashMap<>();
        if (keys.isEmpty()) {
            return numbers;
        }
        jdbc.sql("""
                        select entry_key, reversal_key, receipt_fiscal_year, receipt_number from fund_donation
                         where receipt_number is not null and (entry_key in (:keys) or reversal_key in (:keys))""")
                .param("keys", new ArrayList<>(keys))
                .query(rs -> {
                    String number = String.format("%d-%06d", rs.getInt(3), rs.getInt(4));
                    numbers.put(rs.getString(1), number);
                    if (rs.getString(2) != null) {
                        numbers.put(rs.getString(2), number);
                    }
                });
        return numbers;
    }

    static List<byte[]> fingerprintsOf(List<NewLine> lines) {
        List<byte[]> prints = new ArrayList<>(lines.size());
        for (NewLine line : lines) {
            prints.add(line.fingerprint());
        }
        return prints;
    }
}
