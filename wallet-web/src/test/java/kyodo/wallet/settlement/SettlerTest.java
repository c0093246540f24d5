package kyodo.wallet.settlement;

import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.ledger.calendar.FiscalYear;
import kyodo.ledger.EntryKey;
import kyodo.wallet.clocked.ClockedWalletTest;
import kyodo.wallet.qr.QrCodes;
import kyodo.wallet.user.Merchant;
import kyodo.wallet.user.MerchantId;
import kyodo.wallet.voucher.Voucher;
import kyodo.wallet.voucher.VoucherAccounts;
import kyodo.wallet.voucher.VoucherDesk;
import kyodo.wallet.voucher.Vouchers;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Monthly settlement, payment, statements and the Zengin file on the real ledger (PostgreSQL). */
class SettlerTest extends ClockedWalletTest {
    @Autowired
    Settler settler;
    @Autowired
    Settlements settlements;
    @Autowired
    SettlementStatements statements;
    @Autowired
    ZenginExports zengin;
    @Autowired
    BankAccounts bankAccounts;
    @Autowired
    VoucherDesk desk;
    @Autowired
    Vouchers vouchers;
    @Autowired
    SettlementProperties properties;

    private YearMonth thisMonth() {
        return YearMonth.from(BusinessCalendar.dayOf(CLOCK.instant()));
    }

    private void moveToNextMonth() {
        CLOCK.advanceTo(thisMonth().plusMonths(1).atDay(2).atStartOfDay(BusinessCalendar.ZONE).toInstant()
                .plusSeconds(9 * 3600));
    }

    /** Gives each shop points by redeeming vouchers of {@code denomination}, {@code count} each. */
    private void earn(List<Merchant> shops, long denomination, int count) {
        int fiscalYear = FiscalYear.containing(BusinessCalendar.dayOf(CLOCK.instant())).year();
        addBudget(fiscalYear, denomination * count * shops.size());
        var batch = desk.issue(staff().id(), denomination, count * shops.size(),
                BusinessCalendar.dayOf(CLOCK.instant()).plusDays(200), QrCodes.nonce());
        assertThat(batch.ok()).isTrue();
        List<Voucher> issued = vouchers.ofBatch(batch.batch().id());
        for (int i = 0; i < issued.size(); i++) {
            assertThat(desk.redeem(shops.get(i % shops.size()).id(), issued.get(i).serial().grouped()).ok()).isTrue();
        }
    }

    private void yenBudget(long yen) {
        int fiscalYear = FiscalYear.containing(BusinessCalendar.dayOf(CLOCK.instant())).year();
        assertThat(settler.addBudget(fiscalYear, Long.toString(yen), QrCodes.nonce(), staff().id())).isEmpty();
    }

    private BankAccount bank(Merchant shop, String holder) {
        BankAccountForm.Parsed parsed = BankAccountForm.parse(shop.id(), "0005", "ﾐﾂﾋﾞｼUFJ", "123", "ﾎﾝﾃﾝ",
                "ordinary", "76543", holder, CLOCK.instant());
        assertThat(parsed.error()).isNull();
        bankAccounts.save(parsed.account());
        return parsed.account();
    }

    @Test
    void aMonthIsSettledOncePerMerchantAtItsMonthEndBalanceAndTheYenBecomePayable() {
        List<Merchant> shops = List.of(merchant(), merchant());
        earn(shops, 250, 3);
        YearMonth month = thisMonth();
        yenBudget(1_000_000);
        assertThat(settler.settle(month, staff().id()).error()).isEqualTo(SettlementError.MONTH_NOT_OVER);
        moveToNextMonth();
        earn(List.of(shops.get(0)), 100, 1); // after the month's end: stays for the next month

        Settler.Run first = settler.settle(month, staff().id());
        long head = ledger.head().sequence();
        Settler.Run second = settler.settle(month, staff().id());

        assertThat(first.ok()).isTrue();
        Map<MerchantId, Settler.Line> lines = first.lines().stream()
                .collect(Collectors.toMap(l -> l.merchant().id(), Function.identity()));
        for (Merchant shop : shops) {
            Settlement settlement = lines.get(shop.id()).settlement();
            assertThat(lines.get(shop.id()).error()).isNull();
            assertThat(settlement.points()).isEqualTo(750);
            assertThat(settlement.yen()).isEqualTo(properties.rate().yen(750));
            assertThat(settlement.posted()).isTrue();
            assertThat(balanceOf(SettlementAccounts.payableCode(shop.id()))).isEqualTo(settlement.yen());
            assertThat(ledger.entry(new EntryKey(settlement.entryKey())).orElseThrow().kind().code()).isEqualTo("SETTLE");
        }
        assertThat(balanceOf("wallet:merchant:" + shops.get(0).id())).isEqualTo(100);
        assertThat(balanceOf("wallet:merchant:" + shops.get(1).id())).isZero();
        assertThat(ledger.head().sequence()).isEqualTo(head);
        assertThat(second.lines()).extracting(l -> l.settlement().id())
                .containsExactlyElementsOf(first.lines().stream().map(l -> l.settlement().id()).toList());
    }

    @Test
    void markingPaidPostsThePaymentOnce() {
        Merchant shop = merchant();
        earn(List.of(shop), 400, 2);
        YearMonth month = thisMonth();
        yenBudget(100_000);
        moveToNextMonth();
        Settlement settlement = settler.settle(month, staff().id()).lines().stream()
                .filter(l -> l.merchant().id().equals(shop.id())).findFirst().orElseThrow().settlement();

        assertThat(settler.markPaid(settlement.id(), staff().id())).isEmpty();
        long head = ledger.head().sequence();
        assertThat(settler.markPaid(settlement.id(), staff().id())).contains(SettlementError.ALREADY_PAID);
        assertThat(settler.markPaid(Long.MAX_VALUE, staff().id())).contains(SettlementError.SETTLEMENT_NOT_FOUND);

        Settlement paid = settlements.findById(settlement.id()).orElseThrow();
        assertThat(paid.state()).isEqualTo(SettlementState.PAID);
        assertThat(paid.paidPosted()).isTrue();
        assertThat(ledger.head().sequence()).isEqualTo(head);
        assertThat(balanceOf(SettlementAccounts.payableCode(shop.id()))).isZero();
        assertThat(ledger.entry(new EntryKey(paid.paidEntryKey())).orElseThrow().kind().code()).isEqualTo("SETTLE_PAY");
    }

    @Test
    void theZenginFileHasFixedRecordsInShiftJisWhoseTrailerEqualsTheSettlement() {
        List<Merchant> shops = List.of(merchant(), merchant(), merchant());
        earn(shops, 333, 2);
        YearMonth month = thisMonth();
        yenBudget(1_000_000);
        List<String> holders = List.of("ﾔﾏﾀﾞ ﾊﾅｺ", "ｶ)ｺﾀﾞﾏﾍﾞｰｶﾘｰ", "ﾀﾅｶ ﾀﾛｳ");
        for (int i = 0; i < shops.size(); i++) {
            bank(shops.get(i), holders.get(i));
        }
        moveToNextMonth();
        Settler.Run run = settler.settle(month, staff().id());
        List<MerchantId> ids = shops.stream().map(Merchant::id).toList();
        List<Settlement> mine = run.lines().stream().map(Settler.Line::settlement)
                .filter(s -> ids.contains(s.merchantId())).toList();
        List<MerchantId> others = run.lines().stream().map(l -> l.merchant().id()).filter(id -> !ids.contains(id))
                .toList();
        LocalDate transferDate = LocalDate.of(month.plusMonths(1).getYear(), month.plusMonths(1).getMonthValue(), 10);

        ZenginExports.Export export = zengin.export(month, transferDate);

        assertThat(mine).hasSize(shops.size());
        assertThat(export.merchantsWithoutBankDetails()).containsExactlyInAnyOrderElementsOf(others);
        byte[] file = export.file();
        assertThat(file.length % 122).isZero();
        List<byte[]> records = new ArrayList<>();
        for (int at = 0; at < file.length; at += 122) {
            assertThat(file[at + 120]).isEqualTo((byte) '\r');
            assertThat(file[at + 121]).isEqualTo((byte) '\n');
            records.add(Arrays.copyOfRange(file, at, at + 120));
        }
        String types = records.stream().map(r -> Character.toString((char) r[0])).collect(Collectors.joining());
        assertThat(types).matches("12+89");
        List<byte[]> data = records.subList(1, records.size() - 2);
        assertThat(data).hasSize(mine.size());
        String header = sjis(records.get(0));
        assertThat(header.substring(1, 3)).isEqualTo("21");
        assertThat(header.substring(4, 14)).isEqualTo(properties.requesterCode());
        assertThat(header.substring(54, 58)).isEqualTo(String.format("%02d10", transferDate.getMonthValue()));
        assertThat(header.substring(58, 62)).isEqualTo(properties.bankCode());
        long total = 0;
        List<String> names = new ArrayList<>();
        for (byte[] record : data) {
            String line = sjis(record);
            assertThat(line.substring(1, 5)).isEqualTo("0005");
            assertThat(line.substring(20, 23)).isEqualTo("123");
            assertThat(line.substring(42, 43)).isEqualTo("1");
            assertThat(line.substring(43, 50)).isEqualTo("0076543");
            names.add(line.substring(50, 80).stripTrailing());
            total += Long.parseLong(line.substring(80, 90));
            long merchantId = Long.parseLong(line.substring(91, 101));
            assertThat(Long.parseLong(line.substring(80, 90)))
                    .isEqualTo(mine.stream().filter(s -> s.merchantId().value() == merchantId).findFirst()
                            .orElseThrow().yen());
        }
        String trailer = sjis(records.get(records.size() - 2));
        long settled = mine.stream().mapToLong(Settlement::yen).sum();
        assertThat(Integer.parseInt(trailer.substring(1, 7))).isEqualTo(mine.size());
        assertThat(Long.parseLong(trailer.substring(7, 19))).isEqualTo(settled).isEqualTo(total)
                .isEqualTo(export.totalYen());
        assertThat(trailer.substring(19)).isBlank();
        assertThat(sjis(records.get(records.size() - 1)).substring(1)).isBlank();
        assertThat(names).containsExactlyInAnyOrderElementsOf(holders);
        // half-width katakana are single Shift_JIS bytes (0xA1..0xDF), not UTF-8 sequences
        assertThat(data.get(0)[50] & 0xff).isBetween(0xA1, 0xDF);
    }

    private static String sjis(byte[] record) {
        return new String(record, ZenginFile.SHIFT_JIS);
    }

    @Test
    void statementsListTheMonthAndNeutraliseFormulaCells() throws Exception {
        Merchant shop = merchant("=HYPERLINK(\"http://x\")商店");
        earn(List.of(shop), 120, 2);
        YearMonth month = thisMonth();
        yenBudget(10_000);
        moveToNextMonth();
        Settlement settlement = settler.settle(month, staff().id()).lines().stream()
                .filter(l -> l.merchant().id().equals(shop.id())).findFirst().orElseThrow().settlement();

        String csv = new String(statements.csv(shop, settlement), StandardCharsets.UTF_8);
        byte[] pdf = statements.pdf(shop, settlement);

        assertThat(csv).as("a byte order mark, for spreadsheets in Japan").startsWith("\uFEFF");
        String[] rows = csv.substring(1).split("\r\n");
        assertThat(rows[0]).isEqualTo("\"merchant_id\",\"merchant\",\"month\",\"posted_at\",\"kind\",\"memo\",\"points_in\",\"points_out\"");
        assertThat(rows).hasSize(1 + 2 + 1);
        assertThat(rows[1]).contains("\"'=HYPERLINK(\"\"http://x\"\")商店\"", "\"VOUCHER_REDEEM\"", ",120,");
        assertThat(csv).doesNotContain(",\"=");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("精算明細書", month.toString(), "240 pt", "VOUCHER_REDEEM");
        }
    }

    @Test
    void badBankDetailsAreRefusedWithTheirReason() {
        Merchant shop = merchant();
        Instant now = CLOCK.instant();

        assertThat(parse(shop, "12", "123", "ordinary", "1234567", "ﾔﾏﾀﾞ")).isEqualTo(SettlementError.BANK_CODE_INVALID);
        assertThat(parse(shop, "12345", "123", "ordinary", "1234567", "ﾔﾏﾀﾞ")).isEqualTo(SettlementError.BANK_CODE_INVALID);
        assertThat(parse(shop, "abcd", "123", "ordinary", "1234567", "ﾔﾏﾀﾞ")).isEqualTo(SettlementError.BANK_CODE_INVALID);
        assertThat(parse(shop, "０００５", "123", "ordinary", "1234567", "ﾔﾏﾀﾞ")).isEqualTo(SettlementError.BANK_CODE_INVALID);
        assertThat(parse(shop, "0005", "1234", "ordinary", "1234567", "ﾔﾏﾀﾞ")).isEqualTo(SettlementError.BRANCH_CODE_INVALID);
        assertThat(parse(shop, "0005", "123", "cheque", "1234567", "ﾔﾏﾀﾞ")).isEqualTo(SettlementError.ACCOUNT_TYPE_INVALID);
        assertThat(parse(shop, "0005", "123", "ordinary", "12345678", "ﾔﾏﾀﾞ")).isEqualTo(SettlementError.ACCOUNT_NUMBER_INVALID);
        assertThat(parse(shop, "0005", "123", "ordinary", "", "ﾔﾏﾀﾞ")).isEqualTo(SettlementError.ACCOUNT_NUMBER_INVALID);
        assertThat(parse(shop, "0005", "123", "ordinary", "1234567", "山田")).isEqualTo(SettlementError.HOLDER_NAME_INVALID);
        assertThat(parse(shop, "0005", "123", "ordinary", "1234567", "ヤマダ")).isEqualTo(SettlementError.HOLDER_NAME_INVALID);
        assertThat(parse(shop, "0005", "123", "ordinary", "1234567", "ﾔｯﾀ")).isEqualTo(SettlementError.HOLDER_NAME_INVALID);
        assertThat(parse(shop, "0005", "123", "ordinary", "1234567", "yamada")).isEqualTo(SettlementError.HOLDER_NAME_INVALID);
        assertThat(parse(shop, "0005", "123", "ordinary", "1234567", "ﾔ".repeat(31))).isEqualTo(SettlementError.HOLDER_NAME_INVALID);
        assertThat(parse(shop, "0005", "123", "ordinary", "1234567", "   ")).isEqualTo(SettlementError.HOLDER_NAME_INVALID);
        assertThat(BankAccountForm.parse(shop.id(), "0005", "三菱", "123", "", "ordinary", "1", "ﾔﾏﾀﾞ", now).error())
                .isEqualTo(SettlementError.BANK_NAME_INVALID);
        assertThat(bankAccounts.find(shop.id())).isEmpty();
        assertThat(BankAccountForm.parse(shop.id(), "0005", "", "123", "", "current", "42", "ﾔﾏﾀﾞ ﾊﾅｺ", now).account()
                .accountNumber()).isEqualTo("0000042");
    }

    private SettlementError parse(Merchant shop, String bank, String branch, String type, String number, String holder) {
        return BankAccountForm.parse(shop.id(), bank, "", branch, "", type, number, holder, CLOCK.instant()).error();
    }

    @Test
    void yenAreRoundedDownOncePerSettlement() {
        YenRate rate = YenRate.parse("0.95");
        assertThat(rate.yen(1)).isZero();
        assertThat(rate.yen(21)).isEqualTo(19);
        assertThat(rate.yen(100)).isEqualTo(95);
        assertThat(YenRate.parse("1").yen(1234)).isEqualTo(1234);
        assertThat(YenRate.parse("1.5").toString()).isEqualTo("1.5");
    }
}
