package kyodo.wallet.report;

import kyodo.fund.report.ReportFold;
import kyodo.ledger.Asset;
import kyodo.ledger.ClassifiedLeg;
import kyodo.ledger.LedgerId;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps {@code report_points_daily}: the points moved per business day, entry kind and the classes of the two
 * accounts, posted amounts only (transfers and posts of holds). The report follower calls it in its transaction.
 */
@Component
class PointsFold implements ReportFold {
    private static final String UPSERT = """
            insert into report_points_daily as r (ledger_id, day, kind, debit_purpose, debit_owner_kind,
                debit_owner_id, debit_fiscal_year, credit_purpose, credit_owner_kind, credit_owner_id,
                credit_fiscal_year, amount, legs)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (ledger_id, day, kind, debit_purpose, debit_owner_kind, debit_owner_id, debit_fiscal_year,
                         credit_purpose, credit_owner_kind, credit_owner_id, credit_fiscal_year)
            do update set amount = r.amount + excluded.amount, legs = r.legs + excluded.legs""";

    /** One cell of the daily table. */
    record Cell(LocalDate day, String kind, PointsClass debit, PointsClass credit) {
    }

    /** The posted points legs of {@code legs}, summed per cell: amount and number of legs. */
    static Map<Cell, long[]> cells(List<ClassifiedLeg> legs) {
        Map<Cell, long[]> cells = new LinkedHashMap<>();
        for (ClassifiedLeg leg : legs) {
            if (!leg.leg().asset().equals(Asset.PT) || leg.postedAmount() == 0) {
                continue;
            }
            long[] sums = cells.computeIfAbsent(new Cell(leg.day(), leg.entryKind().code(),
                    PointsClass.of(leg.debit().accountClass()), PointsClass.of(leg.credit().accountClass())),
                    cell -> new long[2]);
            sums[0] = Math.addExact(sums[0], leg.postedAmount());
            sums[1]++;
        }
        return cells;
    }

    @Override
    public void fold(Connection transaction, LedgerId ledger, List<ClassifiedLeg> legs) throws SQLException {
        Map<Cell, long[]> cells = cells(legs);
        if (cells.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = transaction.prepareStatement(UPSERT)) {
            for (Map.Entry<Cell, long[]> cell : cells.entrySet()) {
                Cell c = cell.getKey();
                upsert.setLong(1, ledger.value());
                upsert.setObject(2, c.day());
                upsert.setString(3, c.kind());
                upsert.setString(4, c.debit().purpose().name());
                upsert.setString(5, c.debit().ownerKind().name());
                upsert.setLong(6, c.debit().merchantId());
                upsert.setInt(7, c.debit().fiscalYear());
                upsert.setString(8, c.credit().purpose().name());
                upsert.setString(9, c.credit().ownerKind().name());
                upsert.setLong(10, c.credit().merchantId());
                upsert.setInt(11, c.credit().fiscalYear());
                upsert.setLong(12, cell.getValue()[0]);
                upsert.setLong(13, cell.getValue()[1]);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }
}
