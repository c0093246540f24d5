package kyodo.ledger.journal.note;

/** Text that is not a well-formed note, checkpoint or key. The message says what is wrong, for a person. */
public final class NoteFormatException extends Exception {
    public NoteFormatException(String message) {
        super(message);
    }
}
