package kyodo.fund.report;

/**
 * The points account scheme as SQL: every PT account code falls into one class, so that the points report can
 * add up movements between classes (issuance → resident wallets, resident → merchant …) without knowing every
 * account. Budget accounts keep their fiscal year and merchants their id, because the report shows both.
 */
final class AccountClasses {
    static final String ISSUANCE = "issuance";
    static final String BUDGET_PREFIX = "budget:pt:";
    static final String RESIDENT = "resident";
    static final String GROUP = "group";
    static final String MERCHANT_PREFIX = "merchant:";
    static final String VOUCHERS = "vouchers";
    static final String EXPIRED = "expired";
    static final String SETTLED = "settled";
    static final String FUND = "fund";
    static final String OTHER = "other";

    private AccountClasses() {
    }

    /** A SQL expression giving the class of the account code in {@code column}. */
    static String of(String column) {
        return """
                case when $c = 'issuance:pt' then 'issuance'
                     when $c like 'budget:pt:%' then $c
                     when $c like 'wallet:resident:%' then 'resident'
                     when $c like 'wallet:group:%' then 'group'
                     when $c like 'wallet:merchant:%' then 'merchant:' || split_part($c, ':', 3)
                     when $c = 'vouchers:outstanding:pt' then 'vouchers'
                     when $c = 'expired:pt' then 'expired'
                     when $c = 'settled:pt' then 'settled'
                     when $c = 'fund:pt' then 'fund'
                     else 'other' end""".replace("$c", column);
    }

    /** Points in the hands of people, groups, shops or on paper: what is outstanding. */
    static boolean circulating(String accountClass) {
        return accountClass.equals(RESIDENT) || accountClass.equals(GROUP) || accountClass.equals(VOUCHERS)
                || accountClass.startsWith(MERCHANT_PREFIX);
    }

    static boolean holder(String accountClass) {
        return accountClass.equals(RESIDENT) || accountClass.equals(GROUP);
    }

    static boolean origin(String accountClass) {
        return accountClass.equals(ISSUANCE) || accountClass.startsWith(BUDGET_PREFIX);
    }

    static boolean merchant(String accountClass) {
        return accountClass.startsWith(MERCHANT_PREFIX);
    }
}
