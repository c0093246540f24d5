package kyodo.ledger;

/**
 * Who an account belongs to: a resident, merchant or group of the ward (with their id), or one of the ward's own
 * bodies (the ward's currency office, the donation fund), or the books themselves. The database repeats the rule
 * that holders have an id and bodies do not ({@code account_owner_id_by_kind}).
 *
 * @param id the holder's id for {@link Kind#RESIDENT}, {@link Kind#MERCHANT} and {@link Kind#GROUP}; else null
 */
public record AccountOwner(Kind kind, Long id) {
    /** What kind of owner; the name is the stored form. */
    public enum Kind {
        /** The ward's currency office: issuance, budgets, vouchers, expiry, settlement. */
        WARD(false),
        /** The donation fund (寄付基金). */
        FUND(false),
        /** No one in the ward: the books' own accounts, tools and tests. */
        SYSTEM(false),
        RESIDENT(true),
        MERCHANT(true),
        GROUP(true);

        private final boolean holder;

        Kind(boolean holder) {
            this.holder = holder;
        }

        /** Whether owners of this kind are people or organisations with an id of their own. */
        public boolean holder() {
            return holder;
        }
    }

    public static final AccountOwner WARD = new AccountOwner(Kind.WARD, null);
    public static final AccountOwner FUND = new AccountOwner(Kind.FUND, null);
    public static final AccountOwner SYSTEM = new AccountOwner(Kind.SYSTEM, null);

    public static AccountOwner resident(long id) {
        return new AccountOwner(Kind.RESIDENT, id);
    }

    public static AccountOwner merchant(long id) {
        return new AccountOwner(Kind.MERCHANT, id);
    }

    public static AccountOwner group(long id) {
        return new AccountOwner(Kind.GROUP, id);
    }

    /** Holders have a positive id and the ward's bodies none; what the ledger checks before opening. */
    public boolean valid() {
        return kind != null && (kind.holder() ? id != null && id > 0 : id == null);
    }
}
