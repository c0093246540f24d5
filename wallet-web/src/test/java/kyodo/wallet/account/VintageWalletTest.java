package kyodo.wallet.account;

import kyodo.ledger.calendar.FiscalYear;
import kyodo.ledger.Account;
import kyodo.ledger.EntryKey;
import kyodo.ledger.EntryKind;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.JournalLeg;
import kyodo.ledger.PostResult;
import kyodo.ledger.ResultCode;
import kyodo.wallet.WalletWebTest;
import kyodo.wallet.account.WalletOwner;
import kyodo.wallet.payment.Cashier;
import kyodo.wallet.payment.Payment;
import kyodo.wallet.payment.PaymentError;
import kyodo.wallet.payment.PaymentOutcome;
import kyodo.wallet.qr.QrCodes;
import kyodo.wallet.transfer.Sender;
import kyodo.wallet.user.Merchant;
import kyodo.wallet.user.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Residents' wallets as per-month vintages on the real ledger: oldest first, one entry, never overdrawn. */
class VintageWalletTest extends WalletWebTest {
    @Autowired
    Cashier cashier;
    @Autowired
    Sender sender;
    @Autowired
    QrCodes qrCodes;
    @Autowired
    PointsProperties points;
    @Autowired
    Statements statements;

    @Test
    void aPaymentTakesTheOldestVintagesFirstInOneEntryWithALegEach() {
        YearMonth now = wallets.currentMonth();
        User payer = resident(0);
        WalletOwner owner = WalletOwner.resident(payer.id());
        issue(owner, now.minusMonths(3), 100);
        issue(owner, now.minusMonths(1), 200);
        issue(owner, now, 300);
        Merchant shop = merchant();

        PaymentOutcome paid = cashier.pay(payer.id(), qrCodes.url(qrCodes.orderQr(shop.id(), 250, "")), "", null);

        assertThat(paid.ok()).isTrue();
        JournalEntry entry = ledger.entry(new EntryKey(paid.payment().entryKey())).orElseThrow();
        assertThat(entry.legs()).extracting(JournalLeg::amount).containsExactly(100L, 150L);
        assertThat(entry.legs()).extracting(leg -> code(leg.debit())).containsExactly(
                owner.vintageCode(now.minusMonths(3)), owner.vintageCode(now.minusMonths(1)));
        assertThat(entry.legs()).extracting(leg -> code(leg.credit())).containsOnly(WalletOwner.merchant(shop.id())
                .accountCode());
        assertThat(vintageBalances(owner)).containsExactly(0L, 50L, 300L);
        assertThat(balance(payer)).isEqualTo(350);
        assertThat(balance(shop)).isEqualTo(250);
        // the statement shows the payment as one line of the whole amount
        Statement statement = statements.of(owner, now, 0, 0);
        assertThat(statement.lines()).filteredOn(l -> l.kind().equals("SPEND")).singleElement()
                .satisfies(l -> {
                    assertThat(l.change()).isEqualTo(-250);
                    assertThat(l.counterparty()).isEqualTo(shop.name());
                });
    }

    @Test
    void aTransferMovesPointsIntoTheRecipientsSameVintages() {
        YearMonth now = wallets.currentMonth();
        User from = resident(0);
        User to = resident(0);
        WalletOwner sender1 = WalletOwner.resident(from.id());
        WalletOwner recipient = WalletOwner.resident(to.id());
        issue(sender1, now.minusMonths(2), 40);
        issue(sender1, now, 100);

        Sender.Sent sent = sender.send(from.userId(), WalletOwner.resident(to.userId()), "70", "thanks",
                QrCodes.nonce());

        assertThat(sent.ok()).isTrue();
        JournalEntry entry = ledger.entry(sent.sequence()).orElseThrow();
        assertThat(entry.legs()).hasSize(2);
        assertThat(entry.legs()).extracting(leg -> code(leg.credit())).containsExactly(
                recipient.vintageCode(now.minusMonths(2)), recipient.vintageCode(now));
        assertThat(wallets.vintages(recipient)).extracting(VintageAccount::month, VintageAccount::posted)
                .contains(org.assertj.core.groups.Tuple.tuple(now.minusMonths(2), 40L),
                        org.assertj.core.groups.Tuple.tuple(now, 30L));
        assertThat(balance(from)).isEqualTo(70);
        assertThat(balance(to)).isEqualTo(70);
    }

    @Test
    void aRefundPutsPointsBackIntoTheVintagesTheSaleTookNewestFirst() {
        YearMonth now = wallets.currentMonth();
        User payer = resident(0);
        WalletOwner owner = WalletOwner.resident(payer.id());
        issue(owner, now.minusMonths(2), 100);
        issue(owner, now, 100);
        Merchant shop = merchant();
        Payment sale = cashier.pay(payer.id(), qrCodes.url(qrCodes.orderQr(shop.id(), 150, "")), "", null).payment();
        assertThat(vintageBalances(owner)).containsExactly(0L, 50L);

        assertThat(cashier.refund(shop.id(), sale.id(), "30", QrCodes.nonce()).ok()).isTrue();
        assertThat(vintageBalances(owner)).containsExactly(0L, 80L);
        assertThat(cashier.refund(shop.id(), sale.id(), "40", QrCodes.nonce()).ok()).isTrue();
        // 20 more fill what the sale took from this month, the other 20 go back to the older vintage
        assertThat(vintageBalances(owner)).containsExactly(20L, 100L);
        assertThat(balance(payer)).isEqualTo(120);
        assertThat(balance(shop)).isEqualTo(80);
    }

    @Test
    void expiredVintagesAreNotSpendableEvenBeforeTheJobSweepsThem() {
        YearMonth now = wallets.currentMonth();
        User payer = resident(0);
        WalletOwner owner = WalletOwner.resident(payer.id());
        YearMonth expired = now.minusMonths(points.expiryMonths() + 1L);
        issue(owner, expired, 500);
        issue(owner, now, 100);
        Merchant shop = merchant();

        assertThat(balance(payer)).isEqualTo(100);
        PaymentOutcome tooMuch = cashier.pay(payer.id(), qrCodes.url(qrCodes.orderQr(shop.id(), 150, "")), "", null);

        assertThat(tooMuch.error()).isEqualTo(PaymentError.INSUFFICIENT_FUNDS);
        assertThat(wallets.vintages(owner).get(0).posted()).isEqualTo(500);
        assertThat(balance(shop)).isZero();
    }

    @Test
    void aVintageExpiresAtMidnightAfterTheLastDayOfItsLastMonthInTokyo() {
        PointsProperties six = PointsProperties.defaults();
        YearMonth september = YearMonth.of(2026, 9);
        Instant expiry = Instant.parse("2027-03-31T15:00:00Z");

        assertThat(six.lastDay(september)).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(six.expiresAt(september)).isEqualTo(expiry);
        assertThat(six.expired(september, expiry.minusNanos(1))).isFalse();
        assertThat(six.expired(september, expiry)).isTrue();
        assertThat(six.lastExpiredVintage(expiry)).isEqualTo(september);
        assertThat(six.lastExpiredVintage(expiry.minusNanos(1))).isEqualTo(YearMonth.of(2026, 8));
    }

    @Test
    void theBalanceListsWhatExpiresWhen() {
        YearMonth now = wallets.currentMonth();
        User resident = resident(0);
        WalletOwner owner = WalletOwner.resident(resident.id());
        issue(owner, now.minusMonths(points.expiryMonths()), 120);
        issue(owner, now, 80);

        WalletBalance balance = wallets.balance(owner);

        assertThat(balance.expiring()).containsExactly(
                new WalletBalance.Expiring(120, now.atEndOfMonth()),
                new WalletBalance.Expiring(80, now.plusMonths(points.expiryMonths()).atEndOfMonth()));
        assertThat(balance.expiringBy(now.atEndOfMonth())).isEqualTo(120);
    }

    @Test
    void concurrentSpendsNeverOverdrawAVintage() throws Exception {
        YearMonth now = wallets.currentMonth();
        User payer = resident(0);
        WalletOwner owner = WalletOwner.resident(payer.id());
        issue(owner, now.minusMonths(2), 100);
        issue(owner, now.minusMonths(1), 100);
        issue(owner, now, 100);
        Merchant shop = merchant();
        String storeQr = qrCodes.url(qrCodes.storeQr(shop.id()));
        int threads = 16;
        long each = 30;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<PaymentOutcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            outcomes.add(pool.submit(() -> {
                start.await();
                return cashier.pay(payer.id(), storeQr, Long.toString(each), QrCodes.nonce());
            }));
        }
        start.countDown();
        long paid = 0;
        for (Future<PaymentOutcome> outcome : outcomes) {
            PaymentOutcome o = outcome.get();
            if (o.ok()) {
                paid += each;
            } else {
                assertThat(o.error()).isEqualTo(PaymentError.INSUFFICIENT_FUNDS);
            }
        }
        pool.shutdown();

        assertThat(paid).isPositive().isLessThanOrEqualTo(300);
        assertThat(balance(shop)).isEqualTo(paid);
        assertThat(balance(payer)).isEqualTo(300 - paid);
        assertThat(vintageBalances(owner)).allSatisfy(b -> assertThat(b).isNotNegative());
    }

    @Test
    void aRetriedPaymentIsAlreadyPostedEvenAfterTheBalancesChanged() {
        YearMonth now = wallets.currentMonth();
        User payer = resident(0);
        WalletOwner owner = WalletOwner.resident(payer.id());
        issue(owner, now.minusMonths(1), 50);
        issue(owner, now, 100);
        Merchant shop = merchant();
        String storeQr = qrCodes.url(qrCodes.storeQr(shop.id()));
        String intent = QrCodes.nonce();

        assertThat(cashier.pay(payer.id(), storeQr, "60", intent).ok()).isTrue();
        assertThat(cashier.pay(payer.id(), storeQr, "60", intent).repeated()).isTrue();

        assertThat(balance(payer)).isEqualTo(90);
    }

    /** Nothing is left to plan a spend from, yet the retry is the payment that emptied the wallet: not a refusal. */
    @Test
    void aRetriedPaymentIsAlreadyPostedAfterTheWalletWasEmptied() {
        YearMonth now = wallets.currentMonth();
        User payer = resident(0);
        WalletOwner owner = WalletOwner.resident(payer.id());
        issue(owner, now, 100);
        Merchant shop = merchant();
        String storeQr = qrCodes.url(qrCodes.storeQr(shop.id()));
        String intent = QrCodes.nonce();

        var first = cashier.pay(payer.id(), storeQr, "100", intent);
        var retry = cashier.pay(payer.id(), storeQr, "100", intent);

        assertThat(first.ok()).isTrue();
        assertThat(retry.ok()).isTrue();
        assertThat(retry.repeated()).isTrue();
        assertThat(retry.payment().id()).isEqualTo(first.payment().id());
        assertThat(cashier.pay(payer.id(), storeQr, "1", QrCodes.nonce()).error())
                .isEqualTo(kyodo.wallet.payment.PaymentError.INSUFFICIENT_FUNDS);
        assertThat(balance(payer)).isZero();
    }

    @Test
    void issuanceBeyondTheBudgetIsRefusedByTheLedgerAlsoUnderConcurrency() throws Exception {
        FiscalYear year = new FiscalYear(2019);
        YearMonth month = YearMonth.of(2019, 5);
        assertThat(budget.raise(year, 1_000, "test", "vintage-test").onTheBooks()).isTrue();
        User resident = resident(0);
        int threads = 30;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<PostResult>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int n = i;
            results.add(pool.submit(() -> {
                start.await();
                return issuer.issueInto(WalletOwner.resident(resident.id()), month, 50,
                        new EntryKey("test:budget-race:" + resident.id() + ":" + n), EntryKind.ISSUE, "test", "", null);
            }));
        }
        start.countDown();
        int posted = 0;
        for (Future<PostResult> result : results) {
            PostResult r = result.get();
            if (r.code() == ResultCode.POSTED) {
                posted++;
            } else {
                assertThat(r.code()).isEqualTo(ResultCode.INSUFFICIENT_FUNDS);
            }
        }
        pool.shutdown();

        assertThat(posted).isEqualTo(1_000 / 50);
        assertThat(budget.status(year).remaining()).isZero();
        assertThat(budget.status(year).debited()).isEqualTo(1_000);
    }

    @Test
    void aWalletFromBeforeVintagesIsSpentFirstAsTheVintageOfTheMonthItWasOpened() {
        User payer = resident(0);
        WalletOwner owner = WalletOwner.resident(payer.id());
        // Such a wallet was classed, when vintages came, as the vintage of the month it was opened.
        kyodo.ledger.AccountId legacy = ledger.open(kyodo.ledger.AccountSpec.wallet(owner.accountCode(),
                kyodo.ledger.Asset.PT, owner.vintageClass(wallets.currentMonth()))).orThrow().id();
        assertThat(ledger.post(kyodo.ledger.EntryRequest.of("test:legacy:" + payer.id(), EntryKind.ISSUE, "test",
                kyodo.ledger.Leg.transfer(wallets.issuance(), legacy, kyodo.ledger.Amount.pt(40)))).onTheBooks()).isTrue();
        issue(owner, wallets.currentMonth(), 100);
        Merchant shop = merchant();

        PaymentOutcome paid = cashier.pay(payer.id(), qrCodes.url(qrCodes.orderQr(shop.id(), 60, "")), "", null);

        assertThat(paid.ok()).isTrue();
        assertThat(wallets.vintages(owner).get(0).legacy()).isTrue();
        assertThat(wallets.vintages(owner).get(0).month()).isEqualTo(wallets.currentMonth());
        assertThat(vintageBalances(owner)).containsExactly(0L, 80L);
        assertThat(balance(payer)).isEqualTo(80);
    }

    private List<Long> vintageBalances(WalletOwner owner) {
        return wallets.vintages(owner).stream().map(VintageAccount::posted).toList();
    }

    private String code(kyodo.ledger.AccountId id) {
        return ledger.account(id).map(Account::code).orElseThrow();
    }
}
