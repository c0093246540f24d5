package kyodo.wallet.user;

import kyodo.fund.access.UserId;

/** A resident's account was created; their wallet opens now. */
public record ResidentSignedUp(UserId userId) {
}
