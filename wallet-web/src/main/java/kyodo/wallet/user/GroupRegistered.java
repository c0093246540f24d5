package kyodo.wallet.user;

/** A civic group was registered; it can receive points from now on. */
public record GroupRegistered(long groupId) {
}
