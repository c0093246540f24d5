package kyodo.wallet.settlement;

/** A Japanese bank deposit type and its Zengin code (預金種目). */
public enum AccountType {
    ORDINARY('1'), CURRENT('2'), SAVINGS('4');

    private final char zenginCode;

    AccountType(char zenginCode) {
        this.zenginCode = zenginCode;
    }

    public char zenginCode() {
        return zenginCode;
    }
}
