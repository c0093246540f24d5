package kyodo.wallet.drill;

import kyodo.ledger.HistoryPage;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.JournalLeg;
import kyodo.ledger.Ledger;
import kyodo.ledger.LedgerId;
import kyodo.ledger.journal.checkpoint.CheckpointPolicy;
import kyodo.ledger.journal.checkpoint.CheckpointSigner;
import kyodo.ledger.journal.checkpoint.KeyDirectory;
import kyodo.ledger.journal.export.JournalExport;
import kyodo.ledger.journal.note.NoteFormatException;
import kyodo.ledger.journal.note.PublicKeyFile;
import kyodo.ledger.journal.postgres.JournalFollower;
import kyodo.ledger.journal.postgres.PostgresExportSource;
import kyodo.ledger.journal.postgres.PostgresJournal;
import kyodo.ledger.journal.postgres.StoredCheckpoint;
import kyodo.ledger.journal.verify.JournalVerifier;
import kyodo.ledger.journal.verify.VerificationReport;
import kyodo.ledger.postgres.PostgresLedger;
import kyodo.ledger.testing.BooksAudit;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the books after the drill, in SQL and with ledger-core's own code, against what the clients were told:
 * every acknowledged payment on the books exactly once (as the payment id the client saw), every retried unknown
 * at most once, nothing the clients never sent or were told was refused, no partial entry, the SQL audit, and the
 * verifiable journal (the follower brought up to date, exported and verified offline with the checkpoint keys).
 */
final class DrillAudit {
    static final LedgerId LEDGER = new LedgerId(1);
    /** The application's defaults ({@code kyodo.journal.origin}), which the drill does not change. */
    static final String ORIGIN = "kyodo.example/ward/ledger-1";

    /** The figures; {@code problems} empty means the books kept every payment exactly as told. */
    record Result(long paymentEntries, long lost, long duplicates, long partial, long unasked,
                  long refusedButOnTheBooks, long retriedOnTheBooks, long paymentRowsMissing, List<String> problems,
                  String journal) {
    }

    private record StoredEntry(String key, long sequence, long amount) {
    }

    static Result run(DataSource dataSource, Path keys, PaymentBook book, Path work) throws Exception {
        List<String> problems = new ArrayList<>();
        Map<String, List<StoredEntry>> byIntent = new HashMap<>();
        long partial;
        long paymentEntries = 0;
        List<StoredEntry> stored;
        try (PostgresLedger ledger = new PostgresLedger(dataSource, LEDGER, "Kyodo demo ward", Clock.systemUTC())) {
            partial = BooksAudit.partialEntries(dataSource, ledger);
            if (partial != 0) {
                problems.add(partial + " entries do not have the legs they declare");
            }
            stored = entries(ledger);
        }
        for (StoredEntry entry : stored) {
            String[] parts = entry.key().split(":");
            if (parts.length == 4 && parts[0].equals("mqr")) {
                paymentEntries++;
                byIntent.computeIfAbsent(parts[2], i -> new ArrayList<>()).add(entry);
                if (entry.amount() != Long.parseLong(PaymentLoad.AMOUNT)) {
                    problems.add("payment entry " + entry.sequence() + " moved " + entry.amount() + " pt");
                }
            }
        }
        Map<String, Long> paymentRows = paymentRows(dataSource);

        long lost = 0;
        long duplicates = 0;
        long unasked = 0;
        long refusedOnBooks = 0;
        long retriedOnBooks = 0;
        long rowsMissing = 0;
        for (Map.Entry<String, List<StoredEntry>> found : byIntent.entrySet()) {
            String intent = found.getKey();
            if (found.getValue().size() > 1) {
                duplicates += found.getValue().size() - 1;
                problems.add("intent " + intent + " is on the books " + found.getValue().size() + " times");
            }
            if (!book.attempts().containsKey(intent)) {
                unasked++;
                problems.add("intent " + intent + " is on the books but no client sent it");
            }
            if (book.refused().containsKey(intent) && !book.acknowledged().containsKey(intent)) {
                refusedOnBooks++;
                problems.add("intent " + intent + " was refused (" + book.refused().get(intent)
                        + ") but is on the books");
            }
            if (book.retried().contains(intent)) {
                retriedOnBooks++;
            }
            for (StoredEntry entry : found.getValue()) {
                if (!paymentRows.containsKey(entry.key())) {
                    rowsMissing++;
                    problems.add("entry " + entry.key() + " has no payment row");
                }
            }
        }
        for (Map.Entry<String, Long> ack : book.acknowledged().entrySet()) {
            List<StoredEntry> found = byIntent.get(ack.getKey());
            if (found == null) {
                lost++;
                problems.add("acknowledged payment " + ack.getValue() + " (intent " + ack.getKey()
                        + ") is not on the books");
                continue;
            }
            Long row = paymentRows.get(found.get(0).key());
            if (row == null || row.longValue() != ack.getValue()) {
                problems.add("intent " + ack.getKey() + " was acknowledged as payment " + ack.getValue()
                        + " but its entry's payment row is " + row);
            }
        }

        String journal;
        try (PostgresLedger ledger = new PostgresLedger(dataSource, LEDGER, "Kyodo demo ward", Clock.systemUTC())) {
            problems.addAll(BooksAudit.problems(dataSource, ledger));
            journal = verifyJournal(dataSource, ledger, keys, work, problems);
        }
        return new Result(paymentEntries, lost, duplicates, partial, unasked, refusedOnBooks, retriedOnBooks,
                rowsMissing, problems, journal);
    }

    /**
     * Brings the Merkle tree up to the head with a signed checkpoint (the killed application's follower trails the
     * books by design), exports the books and verifies the export offline against every stored checkpoint.
     */
    private static String verifyJournal(DataSource dataSource, PostgresLedger ledger, Path keys, Path work,
                                        List<String> problems) throws Exception {
        CheckpointSigner signer = new CheckpointSigner(ORIGIN, KeyDirectory.load(keys));
        long size = new JournalFollower(dataSource, LEDGER, new PostgresJournal(dataSource, LEDGER).feed(), signer,
                new CheckpointPolicy(1, Duration.ofSeconds(1)), Clock.systemUTC()).catchUp();
        if (size != ledger.head().sequence()) {
            problems.add("the journal tree holds " + size + " entries, the head is at " + ledger.head().sequence());
        }
        PostgresJournal journal = new PostgresJournal(dataSource, LEDGER);
        Path export = work.resolve("export.jsonl");
        try (PostgresExportSource source = journal.exportSource();
             Writer out = Files.newBufferedWriter(export, StandardCharsets.UTF_8)) {
            JournalExport.write(source, out);
        }
        List<JournalVerifier.CheckpointInput> checkpoints = new ArrayList<>();
        for (StoredCheckpoint checkpoint : journal.checkpoints()) {
            checkpoints.add(new JournalVerifier.CheckpointInput("checkpoint " + checkpoint.treeSize(),
                    checkpoint.note()));
        }
        VerificationReport report;
        try (InputStream in = Files.newInputStream(export)) {
            report = JournalVerifier.verify(in, checkpoints, publicKeys(keys));
        }
        if (!report.ok()) {
            problems.add("journal verification failed: " + report.failure());
            return "FAILED " + report.failure();
        }
        return "verified (" + size + " entries, " + checkpoints.size() + " signed checkpoints, export "
                + Files.size(export) / 1024 + " KiB)";
    }

    private static List<PublicKeyFile.Entry> publicKeys(Path keys) throws IOException, NoteFormatException {
        List<PublicKeyFile.Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(keys, "*.pub")) {
            for (Path file : files) {
                entries.addAll(PublicKeyFile.parse(Files.readString(file)));
            }
        }
        return entries;
    }

    /** Every entry of the journal, read through the ledger, with the sum of its legs' amounts. */
    private static List<StoredEntry> entries(Ledger ledger) {
        List<StoredEntry> entries = new ArrayList<>();
        long head = ledger.head().sequence();
        for (long from = 1; from <= head; from += HistoryPage.LIMIT_MAX) {
            for (JournalEntry entry : ledger.entries(from, head)) {
                long amount = 0;
                for (JournalLeg leg : entry.legs()) {
                    amount = Math.addExact(amount, leg.amount());
                }
                entries.add(new StoredEntry(entry.key().value(), entry.sequence(), amount));
            }
        }
        return entries;
    }

    private static Map<String, Long> paymentRows(DataSource dataSource) throws SQLException {
        Map<String, Long> rows = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("select entry_key, id from payment");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getLong(2));
            }
        }
        return rows;
    }
}
