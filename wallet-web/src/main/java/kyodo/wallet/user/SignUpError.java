package kyodo.wallet.user;

/** Why a sign-up was refused; messages under {@code signup.error.<name>}. */
public enum SignUpError {
    USERNAME_INVALID, USERNAME_TAKEN, DISPLAY_NAME_INVALID, PASSWORD_TOO_SHORT, PASSWORD_TOO_LONG,
    SHOP_NAME_INVALID, MERCHANT_NOT_FOUND, ALREADY_APPROVED, OWN_SHOP
}
