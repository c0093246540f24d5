package kyodo.wallet.settlement;

/** PAYABLE until staff record the transfer; PAID never goes back (the database refuses it). */
public enum SettlementState {
    PAYABLE, PAID
}
