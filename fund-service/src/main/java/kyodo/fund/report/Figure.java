package kyodo.fund.report;

import java.time.YearMonth;

/**
 * One figure of the fund report, as a row of the open data: which section it belongs to, the month (null for the
 * whole year or, for balances, before it), and the dimensions that section uses (the others are null).
 *
 * <ul>
 * <li>{@code IN}: donations received less donations reversed, per month, source type and designation; count is
 *     the number of donations.
 * <li>{@code OUT}: grants paid, per month, designation, field, program and group; count is the number of payments.
 * <li>{@code OPENING_BALANCE}: each designation's posted balance before the year (month null).
 * <li>{@code BALANCE}: each designation's posted balance at the end of each month (or at the checkpoint).
 * <li>{@code COMMITTED}: what awards still hold on each designation at the end (pending, not paid yet).
 * <li>{@code DONORS}: the number of distinct donors in the year (amount 0).
 * </ul>
 */
public record Figure(Section section, YearMonth month, String sourceType, String designation, String field,
                     Long programId, Long groupId, long amount, long count) {
    public enum Section {
        IN, OUT, OPENING_BALANCE, BALANCE, COMMITTED, DONORS;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
