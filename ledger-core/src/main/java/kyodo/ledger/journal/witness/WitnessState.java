package kyodo.ledger.journal.witness;

import kyodo.ledger.journal.note.Checkpoint;
import kyodo.ledger.journal.note.NoteFormatException;
import kyodo.ledger.journal.note.SignedNote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The last checkpoint a witness saw of one log, kept in one file as the signed note the log served. The file is
 * replaced whole (written beside it, then renamed), so a crash leaves the old checkpoint or the new one, never
 * half of one — a witness that forgot what it saw could be shown a rewritten history.
 */
public final class WitnessState {
    private final Path file;

    public WitnessState(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The checkpoint last saved, if any; a file that is not a checkpoint is an error, never "nothing seen". */
    public Optional<Checkpoint> lastSeen() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        if (Files.size(file) > SignedNote.NOTE_BYTES_MAX) {
            throw new IOException("the witness state " + file + " is larger than a checkpoint can be");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return Optional.of(Checkpoint.parse(SignedNote.parse(text).text()));
        } catch (NoteFormatException e) {
            throw new IOException("the witness state " + file + " does not hold a checkpoint (" + e.getMessage()
                    + "); restore it rather than delete it, or the witness starts over", e);
        }
    }

    /** Replaces the saved checkpoint by {@code note}. */
    public void save(String note) {
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, "." + file.getFileName(), ".tmp");
            try {
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    channel.write(ByteBuffer.wrap(note.getBytes(StandardCharsets.UTF_8)));
                    channel.force(true);
                }
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the witness state " + file, e);
        }
    }
}
