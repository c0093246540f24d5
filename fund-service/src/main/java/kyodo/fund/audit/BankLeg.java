package kyodo.fund.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * One posted leg of the fund's bank account as the bank would see it: deposits positive, payments negative.
 *
 * @param references what a bank statement may quote for it, normalised: the entry's key, its memo, and for a
 *                   donation its receipt number
 */
public record BankLeg(long sequence, int leg, String key, String kind, Instant postedAt, LocalDate day, String memo,
                      long amount, Set<String> references) {
}
