package kyodo.ledger.journal.verify;

/** Input the verifier cannot read at all (a missing file, an unreadable key); the message is for a person. */
public final class BadInputException extends Exception {
    public BadInputException(String message) {
        super(message, null, false, false);
    }
}
