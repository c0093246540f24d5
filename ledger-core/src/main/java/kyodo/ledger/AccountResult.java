package kyodo.ledger;

/** The outcome of opening or closing an account, with the account when there is one. */
public record AccountResult(AccountResultCode code, Account account) {
    public boolean ok() {
        return code == AccountResultCode.OPENED || code == AccountResultCode.ALREADY_OPEN
                || code == AccountResultCode.CLOSED;
    }

    /** The account, for callers that treat anything but success as a bug in their own setup. */
    public Account orThrow() {
        if (!ok()) {
            throw new IllegalStateException("account operation failed: " + code);
        }
        return account;
    }
}
