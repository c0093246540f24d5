package kyodo.ledger.journal.export;

/** An export line that does not follow the format; the message says which field and why. */
public final class ExportFormatException extends Exception {
    public ExportFormatException(String message) {
        super(message, null, false, false);
    }
}
