package kyodo.wallet.report;

import kyodo.fund.report.ReportCheckpoint;
import kyodo.ledger.calendar.FiscalYear;
import kyodo.wallet.user.MerchantId;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The points report of one fiscal year at one signed checkpoint, from the ledger's PT accounts by their classes.
 * Merchants have no category on the books or in the wallet's tables yet, so circulation is shown per merchant.
 *
 * @param budget          what staff set as this year's issuance budget (the year's points budget credited)
 * @param budgetUsed      what was issued out of it (the year's points budget debited)
 * @param openingOutstanding points in wallets and on paper before the year
 */
public record PointsReport(FiscalYear year, ReportCheckpoint checkpoint, List<Month> months, long budget,
                           long budgetUsed, long openingOutstanding, List<MerchantCirculation> merchants) {
    /**
     * One month: points issued (net of corrections), spent at merchants (net of refunds), transferred between
     * residents and groups, expired (to the ward, or to the fund when the policy says so), donated to the fund by
     * choice (a group giving its points), settled, outstanding at the month's end, and residents whose wallets
     * moved. Outstanding changes by issued - expired - donated - settled.
     */
    public record Month(YearMonth month, long issued, long spent, long transferred, long expired, long donated,
                        long settled, long outstanding, long activeResidents) {
    }

    public record MerchantCirculation(MerchantId merchantId, String name, long spent) {
    }

    public long issued() {
        return months.stream().mapToLong(Month::issued).reduce(0, Math::addExact);
    }

    public long spent() {
        return months.stream().mapToLong(Month::spent).reduce(0, Math::addExact);
    }

    public long transferred() {
        return months.stream().mapToLong(Month::transferred).reduce(0, Math::addExact);
    }

    public long expired() {
        return months.stream().mapToLong(Month::expired).reduce(0, Math::addExact);
    }

    public long donated() {
        return months.stream().mapToLong(Month::donated).reduce(0, Math::addExact);
    }

    public long outstanding() {
        return months.isEmpty() ? openingOutstanding : months.get(months.size() - 1).outstanding();
    }

    public Map<String, Long> totals() {
        return Map.of("issued", issued(), "spent", spent(), "transferred", transferred(), "expired", expired(),
                "donated", donated(), "outstanding", outstanding());
    }
}
