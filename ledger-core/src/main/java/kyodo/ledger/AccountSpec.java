package kyodo.ledger;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What to open: a readable code unique in the ledger (e.g. {@code wallet:resident:42:2026-11}), its asset, kind,
 * flags, an optional balance limit (the most the balance may grow to in its normal direction), and its class
 * (owner, purpose, vintage or fiscal year), which is what queries select accounts by. Fields are checked by the
 * ledger, which answers with a result code rather than an exception.
 */
public record AccountSpec(String code, Asset asset, AccountKind kind, Set<AccountFlag> flags, Long balanceLimit,
                          AccountClass accountClass) {
    public static final int CODE_LENGTH_MAX = 128;

    public AccountSpec {
        flags = flags == null ? null : Set.copyOf(flags);
    }

    public static AccountSpec of(String code, Asset asset, AccountKind kind, AccountClass accountClass,
                                 AccountFlag... flags) {
        EnumSet<AccountFlag> set = EnumSet.noneOf(AccountFlag.class);
        set.addAll(List.of(flags));
        return new AccountSpec(code, asset, kind, set, null, accountClass);
    }

    /** A holder's account that can never go below zero (a liability of the books to the holder). */
    public static AccountSpec wallet(String code, Asset asset, AccountClass accountClass) {
        return of(code, asset, AccountKind.LIABILITY, accountClass, AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS);
    }

    /** An account of no one in the ward ({@link AccountClass#UNCLASSIFIED}): for tools and tests. */
    public static AccountSpec unclassified(String code, Asset asset, AccountKind kind, AccountFlag... flags) {
        return of(code, asset, kind, AccountClass.UNCLASSIFIED, flags);
    }

    /** A wallet-shaped account of no one in the ward: for tools and tests. */
    public static AccountSpec unclassifiedWallet(String code, Asset asset) {
        return wallet(code, asset, AccountClass.UNCLASSIFIED);
    }

    public AccountSpec withClass(AccountClass newClass) {
        return new AccountSpec(code, asset, kind, flags, balanceLimit, newClass);
    }

    public AccountSpec withBalanceLimit(long limit) {
        return new AccountSpec(code, asset, kind, flags, limit, accountClass);
    }
}
