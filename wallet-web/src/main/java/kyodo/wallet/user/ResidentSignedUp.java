package kyodo.wallet.user;

/** A resident's account was created; their wallet opens now. */
public record ResidentSignedUp(long userId) {
}
