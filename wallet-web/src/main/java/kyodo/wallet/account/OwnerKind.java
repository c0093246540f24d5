package kyodo.wallet.account;

/** Who can hold a points wallet; the lower-case name is part of the wallet's account code. */
public enum OwnerKind {
    RESIDENT, MERCHANT, GROUP;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
