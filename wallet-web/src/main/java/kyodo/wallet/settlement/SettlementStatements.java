package kyodo.wallet.settlement;

import kyodo.fund.document.CsvWriter;
import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.fund.document.PdfPage;
import kyodo.ledger.AccountId;
import kyodo.ledger.HistoryLine;
import kyodo.ledger.HistoryPage;
import kyodo.ledger.Ledger;
import kyodo.wallet.account.WalletOwner;
import kyodo.wallet.account.Wallets;
import kyodo.wallet.user.Merchant;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A merchant's statement for one settled month, as PDF (IPAex Gothic, via the fund's {@link PdfPage}) and as CSV
 * (the fund's {@link CsvWriter}: a header row, text quoted, numbers as numbers, and a cell that a spreadsheet would
 * read as a formula prefixed with an apostrophe). It lists every movement of the merchant's points during the month
 * and the settlement itself.
 */
@Component
public class SettlementStatements {
    /** A statement lists at most this many movements; a month with more is cut and says so. */
    public static final int LINES_MAX = 20_000;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(BusinessCalendar.ZONE);

    private final Ledger ledger;
    private final Wallets wallets;

    public SettlementStatements(Ledger ledger, Wallets wallets) {
        this.ledger = ledger;
        this.wallets = wallets;
    }

    record Movement(Instant at, String kind, String memo, long points) {
    }

    List<Movement> movements(Settlement settlement) {
        List<Movement> movements = new ArrayList<>();
        AccountId wallet = wallets.find(WalletOwner.merchant(settlement.merchantId())).orElse(null);
        if (wallet == null) {
            return movements;
        }
        Instant from = Settler.startOf(settlement.month());
        Instant to = Settler.startOf(settlement.month().plusMonths(1));
        long after = 0;
        while (movements.size() < LINES_MAX) {
            HistoryPage page = ledger.history(wallet, from, to, after, HistoryPage.LIMIT_MAX);
            for (HistoryLine line : page.lines()) {
                movements.add(new Movement(line.postedAt(), line.kind().code(), line.memo(), line.postedChange()));
            }
            if (page.nextAfter() == 0 || page.lines().isEmpty()) {
                break;
            }
            after = page.nextAfter();
        }
        return movements;
    }

    public byte[] pdf(Merchant merchant, Settlement settlement) {
        try (PdfPage pdf = new PdfPage("精算明細書 " + settlement.month())) {
            pdf.heading("精算明細書 / Settlement statement")
                    .text("加盟店 / Merchant: " + merchant.name() + " (No. " + merchant.merchantId().value() + ")")
                    .text("対象月 / Month: " + settlement.month())
                    .text("精算ポイント / Points settled: " + pt(settlement.points()))
                    .text("換算率 / Rate: 1 pt = " + settlement.rate() + " 円 (1円未満切り捨て / fractions of a yen rounded down)")
                    .text("精算額 / Amount: " + yen(settlement.yen()))
                    .text("状態 / State: " + (settlement.state() == SettlementState.PAID ? "支払済 / paid" : "未払 / payable"))
                    .gap()
                    .text("ポイントの動き / Movements of points");
            for (Movement m : movements(settlement)) {
                pdf.small(WHEN.format(m.at()) + "  " + m.kind() + "  " + signedPt(m.points()) + "  " + m.memo());
            }
            return pdf.bytes();
        }
    }

    public byte[] csv(Merchant merchant, Settlement settlement) {
        List<Movement> movements = movements(settlement);
        return CsvWriter.bytes(csv -> {
            csv.texts("merchant_id", "merchant", "month", "posted_at", "kind", "memo", "points_in", "points_out")
                    .endLine();
            for (Movement m : movements) {
                csv.number(merchant.merchantId().value()).texts(merchant.name(), settlement.month().toString(),
                                WHEN.format(m.at()), m.kind(), m.memo())
                        .number(m.points() > 0 ? Long.valueOf(m.points()) : null)
                        .number(m.points() < 0 ? Long.valueOf(-m.points()) : null).endLine();
            }
            csv.number(merchant.merchantId().value()).texts(merchant.name(), settlement.month().toString(), "",
                    "SETTLEMENT",
                    "points " + settlement.points() + " x rate " + settlement.rate() + " = yen " + settlement.yen()
                            + " (" + settlement.state() + ")").number((Long) null).number((Long) null).endLine();
        });
    }

    private static String pt(long points) {
        return String.format(Locale.ROOT, "%,d pt", points);
    }

    private static String signedPt(long points) {
        return (points > 0 ? "+" : "") + pt(points);
    }

    private static String yen(long yen) {
        return String.format(Locale.ROOT, "¥%,d", yen);
    }
}
