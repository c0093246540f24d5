package kyodo.fund.audit;

import kyodo.fund.problem.Refusal;
import kyodo.fund.problem.Refused;
import kyodo.ledger.Ledger;
import kyodo.ledger.journal.checkpoint.CheckpointSigner;
import kyodo.ledger.journal.export.BeancountExport;
import kyodo.ledger.journal.export.HledgerExport;
import kyodo.ledger.journal.export.JournalExport;
import kyodo.ledger.journal.note.PublicKeyFile;
import kyodo.ledger.journal.note.VerifierKey;
import kyodo.ledger.journal.postgres.PostgresExportSource;
import kyodo.ledger.journal.postgres.PostgresJournal;
import kyodo.ledger.journal.postgres.StoredCheckpoint;
import kyodo.ledger.journal.verify.JournalVerifier;
import kyodo.ledger.journal.verify.VerificationReport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import javax.sql.DataSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Journal verification and exports from the database. Both read one consistent snapshot of the books
 * ({@link PostgresJournal#exportSource()}, a REPEATABLE READ transaction) page by page and stream it: the export
 * goes straight to the response, and verification pipes the JSON Lines export through ledger-core's
 * {@link JournalVerifier} (the offline verifier's own library) with the stored signed checkpoints and the
 * application's checkpoint keys. Memory stays bounded whatever the journal's length; one verification runs at a time.
 */
@Service
public class JournalChecks {
    private static final int PIPE_BYTES = 1 << 16;

    private final DataSource dataSource;
    private final Ledger ledger;
    private final ObjectProvider<CheckpointSigner> signer;
    private final Clock clock;
    private final Semaphore verifying = new Semaphore(1);

    JournalChecks(DataSource dataSource, Ledger ledger, ObjectProvider<CheckpointSigner> signer, Clock clock) {
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.signer = signer;
        this.clock = clock;
    }

    /** The export formats an auditor may download. */
    public enum Format {
        JSON_LINES("kyodo-journal.jsonl", "application/x-ndjson"),
        HLEDGER("kyodo.journal", "text/plain"),
        BEANCOUNT("kyodo.beancount", "text/plain");

        private final String fileName;
        private final String mediaType;

        Format(String fileName, String mediaType) {
            this.fileName = fileName;
            this.mediaType = mediaType;
        }

        public String fileName() {
            return fileName;
        }

        public String mediaType() {
            return mediaType;
        }

        public static Optional<Format> parse(String text) {
            if (text == null) {
                return Optional.empty();
            }
            return switch (text) {
                case "jsonl", "json-lines" -> Optional.of(JSON_LINES);
                case "hledger" -> Optional.of(HLEDGER);
                case "beancount" -> Optional.of(BEANCOUNT);
                default -> Optional.empty();
            };
        }
    }

    /**
     * @param entriesChecked   the entries the export held (all of them were checked when {@code ok})
     * @param checkpointsGiven the signed checkpoints checked against the entries
     * @param keysTrusted      the checkpoint keys the verifier trusted
     * @param failure          the first failure, or {@code null}
     * @param failureSequence  the entry (or checkpoint size) where it failed; 0 when it belongs to none
     * @param covered          the entries a verified checkpoint covers ({@code 1..n}, or {@code none})
     * @param uncovered        the entries checked but not yet covered by a checkpoint ({@code m..n}), or
     *                         {@code null} when every entry is covered: the journal grows between checkpoints,
     *                         so the newest entries are proven only once the next checkpoint is signed
     */
    public record Result(boolean ok, long entriesChecked, int checkpointsGiven, int keysTrusted, List<String> checked,
                         String failure, long failureSequence, Instant finishedAt, long tookMillis, String covered,
                         String uncovered) {
    }

    public Result verify() {
        if (!verifying.tryAcquire()) {
            throw new Refused(Refusal.WRONG_STATE, "a journal verification is already running; try again when it ends");
        }
        long started = System.nanoTime();
        try {
            PostgresJournal journal = new PostgresJournal(dataSource, ledger.id());
            List<StoredCheckpoint> stored = journal.checkpoints();
            List<PublicKeyFile.Entry> keys = new ArrayList<>();
            CheckpointSigner checkpointSigner = signer.getIfAvailable();
            if (checkpointSigner != null) {
                for (VerifierKey key : checkpointSigner.verifierKeys()) {
                    keys.add(new PublicKeyFile.Entry(Optional.of(key.name()), key.publicKey()));
                }
            }
            try (PostgresExportSource source = journal.exportSource()) {
                List<JournalVerifier.CheckpointInput> checkpoints = new ArrayList<>();
                for (StoredCheckpoint checkpoint : stored) {
                    // Checkpoints are read before the snapshot, so each covers entries the snapshot holds.
                    if (checkpoint.treeSize() <= source.size()) {
                        checkpoints.add(new JournalVerifier.CheckpointInput("checkpoint " + checkpoint.treeSize(),
                                checkpoint.note()));
                    }
                }
                VerificationReport report = verifyStreamed(source, checkpoints, keys);
                VerificationReport.Failure failure = report.failure();
                return new Result(report.ok(), source.size(), checkpoints.size(), keys.size(), report.checked(),
                        failure == null ? null : failure.toString(), failure == null ? 0 : failure.sequence(),
                        clock.instant(), Duration.ofNanos(System.nanoTime() - started).toMillis(),
                        report.coveredRange(), report.complete() || !report.ok() ? null : report.uncoveredRange());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the journal for verification", e);
        } finally {
            verifying.release();
        }
    }

    /** The export is written by one thread into a small pipe while the verifier reads it on this one. */
    private static VerificationReport verifyStreamed(PostgresExportSource source,
                                                     List<JournalVerifier.CheckpointInput> checkpoints,
                                                     List<PublicKeyFile.Entry> keys) {
        AtomicReference<RuntimeException> writeFailure = new AtomicReference<>();
        try (PipedInputStream in = new PipedInputStream(PIPE_BYTES)) {
            PipedOutputStream pipe = new PipedOutputStream(in);
            Thread writer = new Thread(() -> {
                try (Writer out = new BufferedWriter(new OutputStreamWriter(pipe, StandardCharsets.UTF_8), PIPE_BYTES)) {
                    JournalExport.write(source, out);
                } catch (IOException e) {
                    // The verifier stopped reading at a failure and closed the pipe: nothing more to write.
                } catch (RuntimeException e) {
                    writeFailure.set(e);
                }
            }, "kyodo-audit-export");
            writer.setDaemon(true);
            writer.start();
            VerificationReport report;
            try {
                report = JournalVerifier.verify(in, checkpoints, keys);
            } finally {
                in.close();
                writer.join();
            }
            if (writeFailure.get() != null) {
                throw writeFailure.get();
            }
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stream the journal to the verifier", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying the journal", e);
        }
    }

    /** Streams one export of a consistent snapshot to {@code out}. */
    public void export(Format format, OutputStream out) throws IOException {
        PostgresJournal journal = new PostgresJournal(dataSource, ledger.id());
        try (PostgresExportSource source = journal.exportSource()) {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), PIPE_BYTES);
            switch (format) {
                case JSON_LINES -> JournalExport.write(source, writer);
                case HLEDGER -> HledgerExport.write(source, writer);
                case BEANCOUNT -> BeancountExport.write(source, writer);
            }
            writer.flush();
        } catch (SQLException e) {
            throw new IOException("cannot read the journal for export", e);
        }
    }
}
