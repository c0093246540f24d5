package kyodo.ledger;

import java.util.Objects;
import java.util.Set;

/** The checks both ledgers make before opening an account; they answer with the same codes. */
public final class AccountRules {
    private AccountRules() {
    }

    /** The reason the spec cannot be opened, or {@code null} when the books must decide. */
    public static AccountResultCode check(AccountSpec spec, Set<Asset> registered) {
        if (spec == null || spec.code() == null || spec.asset() == null || spec.kind() == null
                || spec.flags() == null || spec.accountClass() == null) {
            return AccountResultCode.MISSING_FIELD;
        }
        String code = spec.code();
        if (code.isEmpty() || code.length() > AccountSpec.CODE_LENGTH_MAX || code.isBlank()
                || !code.strip().equals(code) || !EntryRules.printable(code, false)) {
            return AccountResultCode.CODE_INVALID;
        }
        if (!registered.contains(spec.asset())) {
            return AccountResultCode.UNKNOWN_ASSET;
        }
        if (spec.flags().contains(AccountFlag.CLOSED)
                || (spec.flags().contains(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)
                    && spec.flags().contains(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS))) {
            return AccountResultCode.FLAGS_CONFLICT;
        }
        if (spec.balanceLimit() != null && spec.balanceLimit() < 0) {
            return AccountResultCode.LIMIT_INVALID;
        }
        if (!spec.accountClass().valid()) {
            return AccountResultCode.CLASS_INVALID;
        }
        return null;
    }

    /** Whether an open account is what {@code spec} asks for, so opening it again is a harmless retry. */
    public static boolean matches(Account account, AccountSpec spec) {
        Set<AccountFlag> flags = new java.util.HashSet<>(account.flags());
        flags.remove(AccountFlag.CLOSED);
        return account.asset().equals(spec.asset()) && account.kind() == spec.kind()
                && flags.equals(spec.flags()) && Objects.equals(account.balanceLimit(), spec.balanceLimit())
                && account.accountClass().equals(spec.accountClass());
    }

    /** What closing needs: the account exists, is open, and holds no pending legs. */
    public static AccountResultCode checkClose(Account account) {
        if (account == null) {
            return AccountResultCode.ACCOUNT_NOT_FOUND;
        }
        if (account.closed()) {
            return AccountResultCode.ALREADY_CLOSED;
        }
        if (account.totals().debitsPending() != 0 || account.totals().creditsPending() != 0) {
            return AccountResultCode.HAS_PENDING;
        }
        return null;
    }
}
