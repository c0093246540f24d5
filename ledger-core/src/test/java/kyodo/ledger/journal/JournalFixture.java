package kyodo.ledger.journal;

import kyodo.ledger.journal.checkpoint.CheckpointPolicy;
import kyodo.ledger.journal.checkpoint.CheckpointSigner;
import kyodo.ledger.journal.checkpoint.NoteSigner;
import kyodo.ledger.journal.export.JournalExport;
import kyodo.ledger.journal.export.LedgerExportSource;
import kyodo.ledger.journal.memory.MemoryJournal;
import kyodo.ledger.journal.note.PublicKeyFile;
import kyodo.ledger.journal.note.SignedNote;
import kyodo.ledger.journal.verify.JournalVerifier;
import kyodo.ledger.journal.verify.VerificationReport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Sample books followed by an in-memory journal, caught up every 25 entries and checkpointing every 50 (at
 * 25, 75, 125 …), with the export text and
 * the signed notes that a verifier gets. Tests tamper with copies of the text.
 */
public final class JournalFixture {
    public static final String ORIGIN = "kyodo.example/ledger/1";
    public static final byte[] SEED = new byte[32];

    static {
        Arrays.fill(SEED, (byte) 7);
    }

    public final SampleBooks books;
    public final NoteSigner signer = NoteSigner.fromSeed("kyodo.example/journal-1", SEED);
    public final MemoryJournal journal;

    public JournalFixture(long seed, int entries) {
        books = new SampleBooks(1, seed);
        journal = new MemoryJournal(EntryFeed.of(books.ledger()),
                new CheckpointSigner(ORIGIN, List.of(signer)), new CheckpointPolicy(50, Duration.ofHours(1)),
                books.clock());
        int done = 0;
        while (done < entries) {
            int step = Math.min(25, entries - done);
            books.post(step);
            done += step;
            journal.catchUp();
        }
    }

    public String export() {
        StringWriter out = new StringWriter();
        try {
            JournalExport.write(new LedgerExportSource(books.ledger()), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public List<String> notes() {
        return journal.checkpoints().stream().map(SignedNote::format).toList();
    }

    public List<PublicKeyFile.Entry> keys() {
        return List.of(new PublicKeyFile.Entry(Optional.of(signer.verifierKey().name()), signer.verifierKey().publicKey()));
    }

    public static VerificationReport verify(String export, List<String> notes, List<PublicKeyFile.Entry> keys) {
        List<JournalVerifier.CheckpointInput> inputs = new ArrayList<>();
        for (int i = 0; i < notes.size(); i++) {
            inputs.add(new JournalVerifier.CheckpointInput("checkpoint-" + i, notes.get(i)));
        }
        try {
            return JournalVerifier.verify(new ByteArrayInputStream(export.getBytes(StandardCharsets.UTF_8)), inputs, keys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The export's lines, and the index of the line holding entry {@code sequence}. */
    public static List<String> lines(String export) {
        return new ArrayList<>(List.of(export.split("\n", -1)).subList(0, export.split("\n", -1).length - 1));
    }

    public static int lineOf(List<String> lines, long sequence) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"type\":\"entry\",\"ledger\":1,\"sequence\":" + sequence + ",")) {
                return i;
            }
        }
        throw new IllegalArgumentException("no line for entry " + sequence);
    }

    public static String join(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }
}
