package kyodo.wallet.payment;

import kyodo.fund.access.UserId;
import kyodo.fund.directory.Directory;
import kyodo.fund.directory.Group;
import kyodo.fund.directory.GroupId;
import kyodo.fund.directory.Groups;
import kyodo.wallet.WalletWebTest;
import kyodo.wallet.account.PointsProperties;
import kyodo.wallet.account.Spender;
import kyodo.wallet.account.WalletOwner;
import kyodo.wallet.qr.ConsumerToken;
import kyodo.wallet.qr.MerchantQr;
import kyodo.wallet.qr.QrCodes;
import kyodo.wallet.qr.QrProperties;
import kyodo.wallet.qr.SigningKey;
import kyodo.wallet.transfer.Sender;
import kyodo.wallet.user.Merchant;
import kyodo.wallet.user.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Payments, charges, refunds and transfers against the real ledger on PostgreSQL. */
class CashierTest extends WalletWebTest {
    @Autowired
    Cashier cashier;
    @Autowired
    QrCodes qrCodes;
    @Autowired
    Sender sender;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Payments payments;
    @Autowired
    CheckoutQueries checkout;
    @Autowired
    Spender spender;
    @Autowired
    Groups groups;

    @Test
    void payingAnOrderQrMovesThePointsOnceEvenWhenSubmittedTwice() {
        User payer = resident(1_000);
        Merchant shop = merchant();
        String url = qrCodes.url(qrCodes.orderQr(shop.id(), 300, "A1"));

        PaymentOutcome first = cashier.pay(payer.id(), url, "", null);
        PaymentOutcome second = cashier.pay(payer.id(), url, "", null);

        assertThat(first.ok()).isTrue();
        assertThat(first.repeated()).isFalse();
        assertThat(second.ok()).isTrue();
        assertThat(second.repeated()).isTrue();
        assertThat(second.payment().id()).isEqualTo(first.payment().id());
        assertThat(balance(payer)).isEqualTo(700);
        assertThat(balance(shop)).isEqualTo(300);
    }

    @Test
    void aStoreQrIsPaidOncePerIntent() {
        User payer = resident(1_000);
        Merchant shop = merchant();
        String url = qrCodes.url(qrCodes.storeQr(shop.id()));
        String intent = QrCodes.nonce();

        assertThat(cashier.pay(payer.id(), url, "120", intent).ok()).isTrue();
        assertThat(cashier.pay(payer.id(), url, "120", intent).repeated()).isTrue();
        assertThat(cashier.pay(payer.id(), url, "80", QrCodes.nonce()).ok()).isTrue();

        assertThat(balance(payer)).isEqualTo(800);
        assertThat(balance(shop)).isEqualTo(200);
    }

    @Test
    void badAmountsAreRefusedWithTheirReasonAndNothingIsPosted() {
        User payer = resident(1_000);
        Merchant shop = merchant();
        String url = qrCodes.url(qrCodes.storeQr(shop.id()));
        long head = ledger.head().sequence();

        assertThat(cashier.pay(payer.id(), url, "0", QrCodes.nonce()).error()).isEqualTo(PaymentError.AMOUNT_NOT_POSITIVE);
        assertThat(cashier.pay(payer.id(), url, "-10", QrCodes.nonce()).error()).isEqualTo(PaymentError.AMOUNT_NOT_POSITIVE);
        assertThat(cashier.pay(payer.id(), url, "ten", QrCodes.nonce()).error()).isEqualTo(PaymentError.AMOUNT_NOT_A_NUMBER);
        assertThat(cashier.pay(payer.id(), url, "１．５", QrCodes.nonce()).error())
                .isEqualTo(PaymentError.AMOUNT_NOT_A_NUMBER);
        assertThat(cashier.pay(payer.id(), url, "100001", QrCodes.nonce()).error()).isEqualTo(PaymentError.AMOUNT_OVER_LIMIT);
        assertThat(cashier.pay(payer.id(), url, "", QrCodes.nonce()).error()).isEqualTo(PaymentError.AMOUNT_MISSING);
        assertThat(cashier.pay(payer.id(), url, "1001", QrCodes.nonce()).error()).isEqualTo(PaymentError.INSUFFICIENT_FUNDS);

        assertThat(balance(payer)).isEqualTo(1_000);
        assertThat(ledger.head().sequence()).isEqualTo(head);
    }

    @Test
    void aTypedAmountMustAgreeWithAnOrderQr() {
        User payer = resident(1_000);
        Merchant shop = merchant();
        String url = qrCodes.url(qrCodes.orderQr(shop.id(), 300, ""));

        assertThat(cashier.pay(payer.id(), url, "30", null).error()).isEqualTo(PaymentError.AMOUNT_DIFFERS_FROM_QR);
        assertThat(balance(payer)).isEqualTo(1_000);
    }

    @Test
    void aForgedMerchantQrIsRefused() {
        User payer = resident(1_000);
        Merchant shop = merchant();
        QrCodes forger = new QrCodes(SigningKey.generate(), new QrProperties(BASE_URL, Path.of("unused"),
                Duration.ofDays(1), Duration.ofMinutes(5), Duration.ofSeconds(60)), Clock.systemUTC());
        MerchantQr forged = forger.orderQr(shop.id(), 500, "");

        PaymentOutcome outcome = cashier.pay(payer.id(), forger.url(forged), "", null);

        assertThat(outcome.error()).isEqualTo(PaymentError.QR_BAD_SIGNATURE);
        assertThat(balance(payer)).isEqualTo(1_000);
    }

    @Test
    void aMerchantAwaitingApprovalCannotBePaid() {
        User payer = resident(1_000);
        User owner = registrar.signUpMerchant("pending" + payer.id(), "店主", PASSWORD, "承認待ち商店").user();
        Merchant pending = merchants.findByOwnerId(owner.id()).orElseThrow();

        assertThat(cashier.pay(payer.id(), qrCodes.url(qrCodes.orderQr(pending.id(), 10, "")), "", null).error())
                .isEqualTo(PaymentError.MERCHANT_NOT_APPROVED);
    }

    @Test
    void aConsumerTokenReplayedSequentiallyChargesOnce() {
        User payer = resident(1_000);
        Merchant shop = merchant();
        String token = qrCodes.token(qrCodes.consumerToken(payer.id()));

        assertThat(cashier.charge(shop.id(), token, "100").ok()).isTrue();
        assertThat(cashier.charge(shop.id(), token, "100").error()).isEqualTo(PaymentError.TOKEN_ALREADY_USED);
        assertThat(cashier.charge(shop.id(), token, "50").error()).isEqualTo(PaymentError.TOKEN_ALREADY_USED);
        assertThat(cashier.charge(merchant().id(), token, "100").error()).isEqualTo(PaymentError.TOKEN_ALREADY_USED);

        assertThat(balance(payer)).isEqualTo(900);
        assertThat(balance(shop)).isEqualTo(100);
    }

    @Test
    void aConsumerTokenReplayedFromFiftyThreadsChargesExactlyOnce() throws Exception {
        User payer = resident(1_000);
        Merchant shop = merchant();
        ConsumerToken consumer = qrCodes.consumerToken(payer.id());
        String token = qrCodes.token(consumer);
        int threads = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<PaymentOutcome>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return cashier.charge(shop.id(), token, "10");
                }));
            }
            start.countDown();
            int paid = 0;
            int refused = 0;
            for (Future<PaymentOutcome> outcome : outcomes) {
                PaymentOutcome o = outcome.get();
                if (o.ok()) {
                    paid++;
                } else if (o.error() == PaymentError.TOKEN_ALREADY_USED) {
                    refused++;
                }
            }
            assertThat(paid).isEqualTo(1);
            assertThat(refused).isEqualTo(threads - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(balance(payer)).isEqualTo(990);
        assertThat(jdbc.queryForObject("select count(*) from payment where payer_id = ?", Integer.class,
                payer.id().value()))
                .isEqualTo(1);
    }

    @Test
    void paymentsBeyondThePayersRateAreRefusedAndPostNothing() {
        User payer = resident(1_000);
        Merchant shop = merchant();
        Cashier strict = new Cashier(ledger, wallets, merchants, payments, checkout, qrCodes, Clock.systemUTC(),
                new PaymentProperties(30, 2, 0.001), spender, PointsProperties.defaults(), groups);

        assertThat(strict.pay(payer.id(), qrCodes.url(qrCodes.orderQr(shop.id(), 10, "")), "", null).ok()).isTrue();
        assertThat(strict.pay(payer.id(), qrCodes.url(qrCodes.orderQr(shop.id(), 10, "")), "", null).ok()).isTrue();
        assertThat(strict.pay(payer.id(), qrCodes.url(qrCodes.orderQr(shop.id(), 10, "")), "", null).error())
                .isEqualTo(PaymentError.RATE_LIMITED);

        assertThat(balance(payer)).isEqualTo(980);
    }

    @Test
    void aRefundReturnsAtMostTheSaleToThePayer() {
        User payer = resident(1_000);
        Merchant shop = merchant();
        Payment sale = cashier.pay(payer.id(), qrCodes.url(qrCodes.orderQr(shop.id(), 400, "")), "", null).payment();

        assertThat(cashier.refund(shop.id(), sale.id(), "150", QrCodes.nonce()).ok()).isTrue();
        assertThat(cashier.refund(shop.id(), sale.id(), "251", QrCodes.nonce()).error())
                .isEqualTo(PaymentError.REFUND_EXCEEDS_SALE);
        assertThat(cashier.refund(shop.id(), sale.id(), "250", QrCodes.nonce()).ok()).isTrue();

        assertThat(balance(payer)).isEqualTo(1_000);
        assertThat(balance(shop)).isZero();
    }

    @Test
    void anotherMerchantCannotRefundASale() {
        User payer = resident(1_000);
        Merchant shop = merchant();
        Payment sale = cashier.pay(payer.id(), qrCodes.url(qrCodes.orderQr(shop.id(), 400, "")), "", null).payment();

        assertThat(cashier.refund(merchant().id(), sale.id(), "100", QrCodes.nonce()).error())
                .isEqualTo(PaymentError.SALE_NOT_FOUND);
        assertThat(balance(shop)).isEqualTo(400);
    }

    @Test
    void residentsSendPointsToEachOtherAndToGroupsWithANote() {
        User from = resident(1_000);
        User to = resident(0);
        Group group = verifiedGroup(newCoordinator(), "テスト団体 " + from.id());
        String intent = QrCodes.nonce();

        assertThat(sender.send(from.userId(), WalletOwner.resident(to.userId()), "200", "お手伝いありがとう", intent).ok())
                .isTrue();
        assertThat(sender.send(from.userId(), WalletOwner.resident(to.userId()), "200", "お手伝いありがとう", intent).repeated())
                .isTrue();
        assertThat(sender.send(from.userId(), WalletOwner.group(group.id()), "300", "活動に", QrCodes.nonce()).ok())
                .isTrue();
        assertThat(sender.send(from.userId(), WalletOwner.resident(from.userId()), "1", "", QrCodes.nonce()).error())
                .isEqualTo(PaymentError.SAME_WALLET);
        assertThat(sender.send(from.userId(), WalletOwner.resident(new UserId(999_999_999)), "1", "", QrCodes.nonce())
                .error())
                .isEqualTo(PaymentError.RECIPIENT_NOT_FOUND);
        assertThat(sender.send(from.userId(), WalletOwner.resident(to.userId()), "1", "x".repeat(141), QrCodes.nonce())
                .error())
                .isEqualTo(PaymentError.NOTE_TOO_LONG);

        assertThat(balance(from)).isEqualTo(500);
        assertThat(balance(to)).isEqualTo(200);
        assertThat(wallets.balance(WalletOwner.group(group.id())).available())
                .as("points sent to a group land in the group's wallet").isEqualTo(300);
    }

    @Test
    void onlyAVerifiedGroupOfTheRegistryReceivesPoints() {
        User from = resident(1_000);
        User coordinator = newCoordinator();
        Group unverified = registry.register(coordinator.actor(), new Directory.Registration("未確認の会 " + from.id(),
                "VOLUNTARY", "代表 者", "contact@example.jp", "community", "", List.of()));

        assertThat(sender.send(from.userId(), WalletOwner.group(unverified.id()), "100", "", QrCodes.nonce())
                .error()).isEqualTo(PaymentError.RECIPIENT_NOT_FOUND);
        assertThat(sender.send(from.userId(), WalletOwner.group(new GroupId(999_999_999)), "100", "", QrCodes.nonce())
                .error())
                .isEqualTo(PaymentError.RECIPIENT_NOT_FOUND);
        assertThat(wallets.exists(WalletOwner.group(unverified.id())))
                .as("its wallet opened when it registered").isTrue();
        assertThat(balance(from)).isEqualTo(1_000);
    }
}
