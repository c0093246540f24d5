package kyodo.ledger;

/** The outcome of opening or closing an account. */
public enum AccountResultCode {
    OPENED,
    /** An account with this code and the same spec is already open; it is returned. */
    ALREADY_OPEN,
    CODE_TAKEN_WITH_DIFFERENT_SPEC,
    CODE_INVALID,
    MISSING_FIELD,
    UNKNOWN_ASSET,
    FLAGS_CONFLICT,
    LIMIT_INVALID,
    /** The class does not fit together (see {@link AccountClass#valid()}). */
    CLASS_INVALID,
    CLOSED,
    ALREADY_CLOSED,
    ACCOUNT_NOT_FOUND,
    /** An account with pending legs cannot be closed until they are posted or voided. */
    HAS_PENDING
}
