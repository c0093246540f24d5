package kyodo.ledger;

/** The outcome of posting one entry. Rejections are values, not exceptions; a rejected entry changes nothing. */
public enum ResultCode {
    POSTED,
    /** The key was posted before with the same request; the original outcome is returned. */
    ALREADY_POSTED,
    /** The key was posted before with a different request. */
    KEY_REUSED_WITH_DIFFERENT_REQUEST,

    // The request itself is malformed.
    MISSING_FIELD,
    KEY_INVALID,
    KIND_INVALID,
    ACTOR_INVALID,
    MEMO_TOO_LONG,
    /** The memo holds a NUL, a lone surrogate or another character that cannot be stored as text. */
    MEMO_INVALID,
    METADATA_TOO_LARGE,
    METADATA_NOT_JSON,
    NO_LEGS,
    TOO_MANY_LEGS,
    AMOUNT_NOT_POSITIVE,
    TIMEOUT_INVALID,
    SAME_ACCOUNT_ON_BOTH_SIDES,
    PENDING_RESOLVED_TWICE_IN_ENTRY,

    // The request does not fit the books as they are.
    ACCOUNT_NOT_FOUND,
    ACCOUNT_CLOSED,
    ASSET_MISMATCH,
    INSUFFICIENT_FUNDS,
    CREDITS_EXCEED_DEBITS,
    LIMIT_EXCEEDED,
    AMOUNT_OVERFLOW,
    PENDING_NOT_FOUND,
    PENDING_ALREADY_POSTED,
    PENDING_ALREADY_VOIDED,
    PENDING_EXPIRED,
    POST_AMOUNT_EXCEEDS_PENDING;

    /** Whether the entry is on the books (just now or before). */
    public boolean onTheBooks() {
        return this == POSTED || this == ALREADY_POSTED;
    }
}
