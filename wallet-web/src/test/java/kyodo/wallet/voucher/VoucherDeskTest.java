package kyodo.wallet.voucher;

import kyodo.fund.access.UserId;
import kyodo.ledger.calendar.FiscalYear;
import kyodo.ledger.EntryKey;
import kyodo.wallet.clocked.ClockedWalletTest;
import kyodo.wallet.qr.QrCodes;
import kyodo.wallet.qr.SigningKey;
import kyodo.wallet.user.Merchant;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Issuing, printing, redeeming and expiring paper vouchers on the real ledger (PostgreSQL). */
class VoucherDeskTest extends ClockedWalletTest {
    @Autowired
    VoucherDesk desk;
    @Autowired
    Vouchers vouchers;
    @Autowired
    VoucherQr voucherQr;

    int fiscalYear;

    @BeforeEach
    void budget() {
        fiscalYear = FiscalYear.containing(desk.today()).year();
        addBudget(fiscalYear, 1_000_000);
    }

    private VoucherBatch issue(long denomination, int count, LocalDate expiresOn) {
        VoucherDesk.Issued issued = desk.issue(staff().id(), denomination, count, expiresOn, QrCodes.nonce());
        assertThat(issued.error()).isNull();
        return issued.batch();
    }

    private String token(Voucher voucher) {
        return voucherQr.token(voucher.serial(), voucher.amount(), voucher.expiresOn());
    }

    @Test
    void issuingMovesTheBatchTotalFromTheBudgetToOutstandingInOneEntry() {
        long budgetBefore = balanceOf(VoucherAccounts.budgetCode(fiscalYear));
        long outstandingBefore = balanceOf(VoucherAccounts.OUTSTANDING);
        String intent = QrCodes.nonce();

        VoucherDesk.Issued first = desk.issue(staff().id(), 500, 12, desk.today().plusDays(90), intent);
        VoucherDesk.Issued retried = desk.issue(staff().id(), 500, 12, desk.today().plusDays(90), intent);

        assertThat(first.ok()).isTrue();
        assertThat(retried.batch().id()).isEqualTo(first.batch().id());
        assertThat(vouchers.ofBatch(first.batch().id())).hasSize(12)
                .allSatisfy(v -> assertThat(v.state()).isEqualTo(VoucherState.OUTSTANDING));
        assertThat(balanceOf(VoucherAccounts.budgetCode(fiscalYear))).isEqualTo(budgetBefore - 6_000);
        assertThat(balanceOf(VoucherAccounts.OUTSTANDING)).isEqualTo(outstandingBefore + 6_000);
        assertThat(ledger.entry(new EntryKey(first.batch().entryKey())).orElseThrow().kind().code())
                .isEqualTo("VOUCHER_ISSUE");
    }

    @Test
    void badBatchesAreRefusedWithTheirReasonAndNothingIsPosted() {
        UserId staff = staff().userId();
        String future = desk.today().plusDays(30).toString();
        long head = ledger.head().sequence();

        assertThat(desk.issue(staff, "0", "10", future, QrCodes.nonce()).error()).isEqualTo(VoucherError.DENOMINATION_INVALID);
        assertThat(desk.issue(staff, "-100", "10", future, QrCodes.nonce()).error()).isEqualTo(VoucherError.DENOMINATION_INVALID);
        assertThat(desk.issue(staff, "100001", "10", future, QrCodes.nonce()).error()).isEqualTo(VoucherError.DENOMINATION_INVALID);
        assertThat(desk.issue(staff, "99999999999999999999", "10", future, QrCodes.nonce()).error()).isEqualTo(VoucherError.DENOMINATION_INVALID);
        assertThat(desk.issue(staff, "ten", "10", future, QrCodes.nonce()).error()).isEqualTo(VoucherError.DENOMINATION_INVALID);
        assertThat(desk.issue(staff, "100", "0", future, QrCodes.nonce()).error()).isEqualTo(VoucherError.COUNT_INVALID);
        assertThat(desk.issue(staff, "100", "1001", future, QrCodes.nonce()).error()).isEqualTo(VoucherError.COUNT_INVALID);
        assertThat(desk.issue(staff, "100", "10", "2026/13/01", QrCodes.nonce()).error()).isEqualTo(VoucherError.EXPIRY_INVALID);
        assertThat(desk.issue(staff, "100", "10", desk.today().toString(), QrCodes.nonce()).error()).isEqualTo(VoucherError.EXPIRY_NOT_IN_FUTURE);
        assertThat(desk.issue(staff, "100", "10", desk.today().minusDays(1).toString(), QrCodes.nonce()).error()).isEqualTo(VoucherError.EXPIRY_NOT_IN_FUTURE);
        assertThat(desk.issue(staff, "100", "10", desk.today().plusYears(4).toString(), QrCodes.nonce()).error()).isEqualTo(VoucherError.EXPIRY_TOO_FAR);
        assertThat(desk.issue(staff, "100", "10", future, "short").error()).isEqualTo(VoucherError.INTENT_INVALID);
        long budgetLeft = balanceOf(VoucherAccounts.budgetCode(fiscalYear));
        long denomination = 100_000;
        int beyond = (int) Math.min(VoucherDesk.COUNT_MAX, budgetLeft / denomination + 1);
        if (beyond * denomination > budgetLeft) {
            assertThat(desk.issue(staff, Long.toString(denomination), Integer.toString(beyond), future, QrCodes.nonce())
                    .error()).isEqualTo(VoucherError.BUDGET_EXCEEDED);
        }

        assertThat(ledger.head().sequence()).isEqualTo(head);
        assertThat(balanceOf(VoucherAccounts.budgetCode(fiscalYear))).isEqualTo(budgetLeft);
    }

    @Test
    void aBatchBeyondTheBudgetIsRefusedByTheBooks() {
        long budgetLeft = balanceOf(VoucherAccounts.budgetCode(fiscalYear));
        long head = ledger.head().sequence();
        int count = (int) (budgetLeft / VoucherDesk.DENOMINATION_MAX) + 1;

        VoucherDesk.Issued refused = desk.issue(staff().id(), VoucherDesk.DENOMINATION_MAX, count,
                desk.today().plusDays(10), QrCodes.nonce());

        assertThat(count).isLessThanOrEqualTo(VoucherDesk.COUNT_MAX);
        assertThat(refused.error()).isEqualTo(VoucherError.BUDGET_EXCEEDED);
        assertThat(ledger.head().sequence()).isEqualTo(head);
    }

    @Test
    void aVoucherScannedByTwentyTerminalsAtOnceIsRedeemedExactlyOnce() throws Exception {
        VoucherBatch batch = issue(1_000, 1, desk.today().plusDays(60));
        Voucher voucher = vouchers.ofBatch(batch.id()).get(0);
        String token = token(voucher);
        List<Merchant> shops = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            shops.add(merchant());
        }
        long outstandingBefore = balanceOf(VoucherAccounts.OUTSTANDING);
        long head = ledger.head().sequence();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<VoucherDesk.Redeemed>> results = new ArrayList<>();
        try {
            for (Merchant shop : shops) {
                results.add(pool.submit(() -> {
                    start.await();
                    return desk.redeem(shop.id(), token);
                }));
            }
            start.countDown();
            int redeemed = 0;
            for (Future<VoucherDesk.Redeemed> result : results) {
                VoucherDesk.Redeemed outcome = result.get();
                if (outcome.ok()) {
                    redeemed++;
                } else {
                    assertThat(outcome.error()).isEqualTo(VoucherError.VOUCHER_ALREADY_REDEEMED);
                }
            }
            assertThat(redeemed).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }

        Voucher after = vouchers.find(voucher.serial()).orElseThrow();
        assertThat(after.state()).isEqualTo(VoucherState.REDEEMED);
        assertThat(after.posted()).isTrue();
        assertThat(ledger.head().sequence()).isEqualTo(head + 1);
        assertThat(ledger.entry(head + 1).orElseThrow().key().value()).isEqualTo("voucher:redeem:" + voucher.serial());
        assertThat(balanceOf(VoucherAccounts.OUTSTANDING)).isEqualTo(outstandingBefore - 1_000);
        long paidToShops = shops.stream().mapToLong(s -> balanceOf("wallet:merchant:" + s.id())).sum();
        assertThat(paidToShops).isEqualTo(1_000);
        assertThat(balanceOf("wallet:merchant:" + after.merchantId())).isEqualTo(1_000);
    }

    @Test
    void forgedUnknownMalformedAndAlreadyRedeemedVouchersAreRefusedAndNothingIsPosted() {
        VoucherBatch batch = issue(300, 2, desk.today().plusDays(60));
        List<Voucher> issued = vouchers.ofBatch(batch.id());
        Merchant shop = merchant();
        assertThat(desk.redeem(shop.id(), token(issued.get(0))).ok()).isTrue();
        long head = ledger.head().sequence();
        VoucherQr forger = new VoucherQr(SigningKey.generate());
        Voucher genuine = issued.get(1);
        VoucherSerial neverIssued = VoucherSerial.random();
        String typedWithWrongCheck = genuine.serial().value().substring(0, 12)
                + (genuine.serial().value().charAt(12) == '0' ? "1" : "0");

        assertThat(desk.redeem(shop.id(), forger.token(genuine.serial(), genuine.amount(), genuine.expiresOn())).error())
                .isEqualTo(VoucherError.VOUCHER_FORGED);
        assertThat(desk.redeem(shop.id(), voucherQr.token(genuine.serial(), 100_000, genuine.expiresOn())).error())
                .isEqualTo(VoucherError.VOUCHER_FORGED);
        String[] parts = token(genuine).split("\\.");
        assertThat(desk.redeem(shop.id(), parts[0] + "." + token(issued.get(0)).split("\\.")[1]).error())
                .isEqualTo(VoucherError.VOUCHER_FORGED);
        assertThat(desk.redeem(shop.id(), voucherQr.token(neverIssued, 300, genuine.expiresOn())).error())
                .isEqualTo(VoucherError.VOUCHER_UNKNOWN);
        assertThat(desk.redeem(shop.id(), neverIssued.grouped()).error()).isEqualTo(VoucherError.VOUCHER_UNKNOWN);
        assertThat(desk.redeem(shop.id(), typedWithWrongCheck).error()).isEqualTo(VoucherError.VOUCHER_MALFORMED);
        assertThat(desk.redeem(shop.id(), "not a voucher").error()).isEqualTo(VoucherError.VOUCHER_MALFORMED);
        assertThat(desk.redeem(shop.id(), "").error()).isEqualTo(VoucherError.VOUCHER_MISSING);
        assertThat(desk.redeem(shop.id(), token(issued.get(0))).error()).isEqualTo(VoucherError.VOUCHER_ALREADY_REDEEMED);
        assertThat(desk.redeem(merchant().id(), issued.get(0).serial().grouped()).error())
                .isEqualTo(VoucherError.VOUCHER_ALREADY_REDEEMED);

        assertThat(ledger.head().sequence()).isEqualTo(head);
        assertThat(vouchers.find(genuine.serial()).orElseThrow().state()).isEqualTo(VoucherState.OUTSTANDING);
        assertThat(desk.redeem(shop.id(), genuine.serial().grouped().toLowerCase()).ok()).isTrue();
    }

    @Test
    void anExpiredVoucherIsRefusedAndTheExpiryJobMovesItsValueOnceEvenRunTwice() {
        VoucherBatch batch = issue(700, 3, desk.today().plusDays(1));
        List<Voucher> issued = vouchers.ofBatch(batch.id());
        Merchant shop = merchant();
        assertThat(desk.redeem(shop.id(), token(issued.get(0))).ok()).isTrue();
        CLOCK.advance(Duration.ofDays(2));
        long head = ledger.head().sequence();

        assertThat(desk.redeem(shop.id(), token(issued.get(1))).error()).isEqualTo(VoucherError.VOUCHER_EXPIRED);
        assertThat(ledger.head().sequence()).isEqualTo(head);

        long expiredBefore = balanceOf(VoucherAccounts.EXPIRED);
        long outstandingBefore = balanceOf(VoucherAccounts.OUTSTANDING);
        int first = desk.expire();
        long headAfterFirst = ledger.head().sequence();
        int second = desk.expire();

        assertThat(first).isGreaterThanOrEqualTo(2);
        assertThat(second).isZero();
        assertThat(ledger.head().sequence()).isEqualTo(headAfterFirst);
        assertThat(vouchers.find(issued.get(1).serial()).orElseThrow().state()).isEqualTo(VoucherState.EXPIRED);
        assertThat(vouchers.find(issued.get(2).serial()).orElseThrow().posted()).isTrue();
        assertThat(vouchers.find(issued.get(0).serial()).orElseThrow().state()).isEqualTo(VoucherState.REDEEMED);
        long moved = balanceOf(VoucherAccounts.EXPIRED) - expiredBefore;
        assertThat(moved).isEqualTo(outstandingBefore - balanceOf(VoucherAccounts.OUTSTANDING)).isGreaterThanOrEqualTo(1_400);
        assertThat(ledger.entry(new EntryKey("voucher:expire:" + issued.get(2).serial())).orElseThrow().kind().code())
                .isEqualTo("VOUCHER_EXPIRE");
        assertThat(desk.redeem(shop.id(), token(issued.get(2))).error()).isEqualTo(VoucherError.VOUCHER_EXPIRED);
    }

    @Test
    void theSheetShowsEverySerialAndItsQrDecodesBackToTheVoucher() throws Exception {
        VoucherBatch batch = issue(1_000, 10, desk.today().plusDays(120));
        List<Voucher> issued = vouchers.ofBatch(batch.id());

        byte[] pdf = desk.sheet(batch.id()).orElseThrow();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("協働ポイント 紙券", "有効期限 " + batch.expiresOn(), "1,000 pt");
            for (Voucher voucher : issued) {
                assertThat(text).contains(voucher.serial().grouped());
            }
            Set<VoucherSerial> decoded = new HashSet<>();
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                        ByteArrayOutputStream png = new ByteArrayOutputStream();
                        ImageIO.write(image.getImage(), "png", png);
                        String text1 = kyodo.wallet.qr.QrImages.decode(png.toByteArray()).orElseThrow();
                        var opened = voucherQr.open(text1);
                        assertThat(opened.ok()).isTrue();
                        assertThat(opened.value().amount()).isEqualTo(1_000);
                        decoded.add(opened.value().serial());
                    }
                }
            }
            assertThat(decoded).containsExactlyInAnyOrderElementsOf(issued.stream().map(Voucher::serial).toList());
        }
    }
}
