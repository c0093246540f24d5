package kyodo.ledger;

import java.util.EnumSet;
import java.util.Set;

/**
 * What to open: a readable code unique in the ledger (e.g. {@code wallet:resident:42:2026-11}), its asset,
 * kind, flags and an optional balance limit (the most the balance may grow to in its normal direction).
 * Fields are checked by the ledger, which answers with a result code rather than an exception.
 */
public record AccountSpec(String code, Asset asset, AccountKind kind, Set<AccountFlag> flags, Long balanceLimit) {
    public static final int CODE_LENGTH_MAX = 128;

    public AccountSpec {
        flags = flags == null ? null : Set.copyOf(flags);
    }

    public static AccountSpec of(String code, Asset asset, AccountKind kind, AccountFlag... flags) {
        EnumSet<AccountFlag> set = EnumSet.noneOf(AccountFlag.class);
        set.addAll(java.util.List.of(flags));
        return new AccountSpec(code, asset, kind, set, null);
    }

    /** A holder's account that can never go below zero (a liability of the books to the holder). */
    public static AccountSpec wallet(String code, Asset asset) {
        return of(code, asset, AccountKind.LIABILITY, AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS);
    }

    public AccountSpec withBalanceLimit(long limit) {
        return new AccountSpec(code, asset, kind, flags, limit);
    }
}
