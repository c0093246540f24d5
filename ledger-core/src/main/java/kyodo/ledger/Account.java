package kyodo.ledger;

import java.time.Instant;
import java.util.Set;

/** An account as the ledger holds it, with its class and its running totals at the moment it was read. */
public record Account(
        AccountId id,
        String code,
        Asset asset,
        AccountKind kind,
        Set<AccountFlag> flags,
        Long balanceLimit,
        Totals totals,
        Instant openedAt,
        AccountClass accountClass) {

    public Account {
        flags = Set.copyOf(flags);
    }

    public boolean has(AccountFlag flag) {
        return flags.contains(flag);
    }

    public boolean closed() {
        return has(AccountFlag.CLOSED);
    }

    public Balance balance() {
        return new Balance(id, asset, kind, totals);
    }

    public Account withTotals(Totals newTotals) {
        return new Account(id, code, asset, kind, flags, balanceLimit, newTotals, openedAt, accountClass);
    }

    public Account withFlags(Set<AccountFlag> newFlags) {
        return new Account(id, code, asset, kind, newFlags, balanceLimit, totals, openedAt, accountClass);
    }
}
