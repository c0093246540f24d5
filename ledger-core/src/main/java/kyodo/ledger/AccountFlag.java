package kyodo.ledger;

import java.util.EnumSet;
import java.util.Set;

/** Rules an account carries, as in TigerBeetle. The bits are stored in the database's {@code flags} column. */
public enum AccountFlag {
    /** Debits (posted and pending) may never exceed posted credits: a wallet cannot go below zero. */
    DEBITS_MUST_NOT_EXCEED_CREDITS(1),
    /** Credits (posted and pending) may never exceed posted debits: e.g. a budget that cannot be overspent. */
    CREDITS_MUST_NOT_EXCEED_DEBITS(2),
    /** The account takes no new legs. */
    CLOSED(4);

    private final int bit;

    AccountFlag(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    public static int toBits(Set<AccountFlag> flags) {
        int bits = 0;
        for (AccountFlag flag : flags) {
            bits |= flag.bit;
        }
        return bits;
    }

    public static Set<AccountFlag> fromBits(int bits) {
        EnumSet<AccountFlag> flags = EnumSet.noneOf(AccountFlag.class);
        for (AccountFlag flag : values()) {
            if ((bits & flag.bit) != 0) {
                flags.add(flag);
            }
        }
        return flags;
    }
}
