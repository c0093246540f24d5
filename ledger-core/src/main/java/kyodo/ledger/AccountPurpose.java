package kyodo.ledger;

/**
 * What an account is for, across the ward's books; the name is the stored form. Together with the owner it is what
 * reports, statements and jobs select accounts by, instead of reading the account's code.
 */
public enum AccountPurpose {
    /** A holder's points: a resident's or group's (one account per vintage month) or a merchant's. */
    WALLET,
    /** Where points enter circulation (the ward's issuance); it may go below zero. */
    ISSUANCE,
    /** A fiscal year's budget: points that may still be issued, or yen that settlement may still pay. */
    BUDGET,
    /** Points printed on paper vouchers and not yet redeemed or expired. */
    VOUCHERS_OUTSTANDING,
    /** Points that expired (the ward's), or that the policy gave to the fund on expiry or by donation. */
    EXPIRED,
    /** Merchant points retired by settlement. */
    SETTLED,
    /** The ward's yen appropriation that staff move into a settlement budget. */
    APPROPRIATION,
    /** Money owed: to a merchant for settled points, or to groups for awarded grants. */
    PAYABLE,
    /** A bank account on the books: the fund's, or the settlement program's. */
    BANK,
    /** What the fund holds for one designation (使途指定) of its donors. */
    DESIGNATION,
    /** Points the fund holds (expired points given to it by policy, points donated to it). */
    DONATED_POINTS,
    /** Anything else: the books' own accounts, tools and tests. */
    OTHER
}
