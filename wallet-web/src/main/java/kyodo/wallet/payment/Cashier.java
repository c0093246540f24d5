package kyodo.wallet.payment;

import kyodo.fund.access.UserId;
import kyodo.fund.directory.GroupId;
import kyodo.fund.directory.Groups;
import kyodo.ledger.AccountId;
import kyodo.ledger.EntryKey;
import kyodo.ledger.EntryKind;
import kyodo.ledger.EntryRequest;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.Leg;
import kyodo.ledger.Ledger;
import kyodo.ledger.PostResult;
import kyodo.ledger.ResultCode;
import kyodo.wallet.account.PointsProperties;
import kyodo.wallet.account.Spender;
import kyodo.wallet.account.WalletOwner;
import kyodo.wallet.account.Wallets;
import kyodo.wallet.qr.ConsumerToken;
import kyodo.wallet.qr.MerchantQr;
import kyodo.wallet.qr.Opened;
import kyodo.wallet.qr.QrCodes;
import kyodo.wallet.security.TokenBuckets;
import kyodo.wallet.user.Merchant;
import kyodo.wallet.user.MerchantId;
import kyodo.wallet.user.Merchants;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Takes payments. Every payment is one ledger entry whose idempotency key comes from the QR (or the payment
 * form) and the payer, so a double tap, a retry or a replayed QR posts once; a consumer token is also spent in
 * the database before it is charged, so a replay is refused even with another amount.
 */
@Component
public class Cashier {
    /** Identifies one payment attempt from a form or API call (a store QR is paid many times). */
    public static final Pattern INTENT = Pattern.compile("[A-Za-z0-9_-]{16,32}");
    /** The intent used for order QRs: one order is paid once per payer. */
    static final String ORDER_INTENT = "order";

    private final Ledger ledger;
    private final Wallets wallets;
    private final Merchants merchants;
    private final Payments payments;
    private final CheckoutQueries checkout;
    private final QrCodes qrCodes;
    private final Clock clock;
    private final PaymentProperties properties;
    private final TokenBuckets rateLimits;
    private final Spender spender;
    private final PointsProperties points;
    private final Groups groups;

    Cashier(Ledger ledger, Wallets wallets, Merchants merchants, Payments payments, CheckoutQueries checkout,
            QrCodes qrCodes, Clock clock, PaymentProperties properties, Spender spender, PointsProperties points,
            Groups groups) {
        this.ledger = ledger;
        this.groups = groups;
        this.spender = spender;
        this.points = points;
        this.wallets = wallets;
        this.merchants = merchants;
        this.payments = payments;
        this.checkout = checkout;
        this.qrCodes = qrCodes;
        this.clock = clock;
        this.properties = properties;
        this.rateLimits = new TokenBuckets(properties.rateBurst(), properties.ratePerSecond(), clock);
    }

    /** Checks a scanned merchant QR (URL, token or JPQR) and finds the registered merchant it names. */
    public PayRequest read(String scanned) {
        Opened<MerchantQr> qr = qrCodes.openScannedMerchantQr(scanned);
        if (!qr.ok()) {
            return new PayRequest(null, null, PaymentError.of(qr.rejection()));
        }
        Optional<Merchant> merchant = checkout.merchant(qr.value().merchantId());
        if (merchant.isEmpty()) {
            return new PayRequest(qr.value(), null, PaymentError.MERCHANT_NOT_FOUND);
        }
        if (!merchant.get().approved()) {
            return new PayRequest(qr.value(), merchant.get(), PaymentError.MERCHANT_NOT_APPROVED);
        }
        return new PayRequest(qr.value(), merchant.get(), null);
    }

    /**
     * A resident pays a merchant QR. For an order QR the amount is the signed one (a typed amount, if given,
     * must agree); for a store QR it is the typed one and {@code intent} tells one purchase from the next.
     */
    public PaymentOutcome pay(UserId payerId, String scanned, String amountInput, String intent) {
        PayRequest request = read(scanned);
        if (!request.ok()) {
            return PaymentOutcome.failed(request.error());
        }
        MerchantQr qr = request.qr();
        long amount;
        String attempt;
        if (qr.storeQr()) {
            AmountInput.Parsed parsed = AmountInput.parse(amountInput);
            if (!parsed.ok()) {
                return PaymentOutcome.failed(parsed.error());
            }
            if (intent == null || !INTENT.matcher(intent).matches()) {
                return PaymentOutcome.failed(PaymentError.QR_MALFORMED);
            }
            amount = parsed.amount();
            attempt = intent;
        } else {
            AmountInput.Parsed signed = AmountInput.check(qr.amount());
            if (!signed.ok()) {
                return PaymentOutcome.failed(signed.error());
            }
            if (amountInput != null && !amountInput.isBlank()) {
                AmountInput.Parsed typed = AmountInput.parse(amountInput);
                if (!typed.ok()) {
                    return PaymentOutcome.failed(typed.error());
                }
                if (typed.amount() != qr.amount()) {
                    return PaymentOutcome.failed(PaymentError.AMOUNT_DIFFERS_FROM_QR);
                }
            }
            amount = qr.amount();
            attempt = ORDER_INTENT;
        }
        String key = "mqr:" + qr.nonce() + ":" + attempt + ":" + payerId.value();
        return post(key, payerId, WalletOwner.resident(payerId), request.merchant(), amount,
                qr.orderRef(), Channel.MERCHANT_QR);
    }

    /**
     * A coordinator pays an approved shop from their group's wallet (supplies for an activity, say): the coordinator
     * acts and is recorded as the payer, the group's points are spent, and a refund returns them to the group.
     * Only that group's coordinators may ({@code NOT_ALLOWED} otherwise); {@code intent} tells one purchase from
     * the next, as on a store QR.
     */
    public PaymentOutcome payFromGroup(UserId coordinator, GroupId group, MerchantId merchantId, String amountInput,
                                       String intent) {
        if (!groups.isCoordinator(group, coordinator)) {
            return PaymentOutcome.failed(PaymentError.NOT_ALLOWED);
        }
        AmountInput.Parsed parsed = AmountInput.parse(amountInput);
        if (!parsed.ok()) {
            return PaymentOutcome.failed(parsed.error());
        }
        if (intent == null || !INTENT.matcher(intent).matches()) {
            return PaymentOutcome.failed(PaymentError.QR_MALFORMED);
        }
        Optional<Merchant> merchant = checkout.merchant(merchantId);
        if (merchant.isEmpty()) {
            return PaymentOutcome.failed(PaymentError.MERCHANT_NOT_FOUND);
        }
        if (!merchant.get().approved()) {
            return PaymentOutcome.failed(PaymentError.MERCHANT_NOT_APPROVED);
        }
        String key = "gpay:" + intent + ":" + group.value();
        return post(key, coordinator, WalletOwner.group(group), merchant.get(), parsed.amount(), "",
                Channel.GROUP_WALLET);
    }

    /** A merchant charges a resident's on-screen token; the token is spent by the first charge, whatever happens. */
    public PaymentOutcome charge(MerchantId merchantId, String token, String amountInput) {
        Optional<Merchant> merchant = merchants.findById(merchantId);
        if (merchant.isEmpty()) {
            return PaymentOutcome.failed(PaymentError.MERCHANT_NOT_FOUND);
        }
        if (!merchant.get().approved()) {
            return PaymentOutcome.failed(PaymentError.MERCHANT_NOT_APPROVED);
        }
        Opened<ConsumerToken> opened = qrCodes.openConsumerToken(token);
        if (!opened.ok()) {
            return PaymentOutcome.failed(PaymentError.of(opened.rejection()));
        }
        AmountInput.Parsed parsed = AmountInput.parse(amountInput);
        if (!parsed.ok()) {
            return PaymentOutcome.failed(parsed.error());
        }
        ConsumerToken consumer = opened.value();
        if (!wallets.exists(WalletOwner.resident(consumer.userId()))) {
            return PaymentOutcome.failed(PaymentError.PAYER_NOT_FOUND);
        }
        if (payments.spendToken(consumer.nonce(), clock.instant()) == 0) {
            return PaymentOutcome.failed(PaymentError.TOKEN_ALREADY_USED);
        }
        return post("cqr:" + consumer.nonce(), consumer.userId(),
                WalletOwner.resident(consumer.userId()), merchant.get(), parsed.amount(), "", Channel.CONSUMER_QR);
    }

    /**
     * Posts the payment and records the sale. The common case costs three round trips besides the ledger's batch
     * (the merchant, the payer's vintages, the sale row); whether the payer has a wallet at all is asked only when
     * the ledger finds nothing to spend, to tell "no wallet" from "not enough points".
     */
    private PaymentOutcome post(String key, UserId payerId, WalletOwner payer, Merchant merchant, long amount,
                                String orderRef, Channel channel) {
        if (!rateLimits.tryTake("payer:" + payerId.value())) {
            return PaymentOutcome.failed(PaymentError.RATE_LIMITED);
        }
        AccountId to = wallets.open(WalletOwner.merchant(merchant.merchantId()));
        // oldest vintages first, one leg each, all into the merchant's single account
        PostResult result = spender.take(payer, amount, vintage -> to, new EntryKey(key), EntryKind.SPEND,
                payerId.journalActor(), orderRef.isEmpty() ? merchant.name() : merchant.name() + " #" + orderRef,
                null);
        if (!result.onTheBooks()) {
            boolean noWallet = result.code() == ResultCode.INSUFFICIENT_FUNDS && !wallets.exists(payer);
            return PaymentOutcome.failed(noWallet ? PaymentError.PAYER_NOT_FOUND : errorOf(result.code()));
        }
        GroupId payerGroup = payer.kind() == kyodo.wallet.account.OwnerKind.GROUP ? new GroupId(payer.id()) : null;
        Optional<Payment> recorded = checkout.recordSale(key, payerId, payerGroup, merchant.merchantId(), amount,
                orderRef.isEmpty() ? null : orderRef, channel, clock.instant());
        Payment payment = recorded.or(() -> payments.findByEntryKey(key)).orElseThrow();
        return new PaymentOutcome(payment, null, result.code() == ResultCode.ALREADY_POSTED);
    }

    /**
     * A merchant returns (part of) a sale to the resident who paid, within the refund period. The refund is
     * reserved on the sale first, so concurrent refunds can never return more than was paid.
     */
    public PaymentOutcome refund(MerchantId merchantId, long paymentId, String amountInput, String intent) {
        Optional<Payment> sale = payments.findById(paymentId);
        if (sale.isEmpty() || !sale.get().merchantId().equals(merchantId)) {
            return PaymentOutcome.failed(PaymentError.SALE_NOT_FOUND);
        }
        if (sale.get().createdAt().plus(Duration.ofDays(properties.refundDays())).isBefore(clock.instant())) {
            return PaymentOutcome.failed(PaymentError.REFUND_PERIOD_OVER);
        }
        AmountInput.Parsed parsed = AmountInput.parse(amountInput);
        if (!parsed.ok()) {
            return PaymentOutcome.failed(parsed.error());
        }
        if (intent == null || !INTENT.matcher(intent).matches()) {
            return PaymentOutcome.failed(PaymentError.QR_MALFORMED);
        }
        String key = "refund:" + paymentId + ":" + intent;
        if (ledger.entry(new EntryKey(key)).isPresent()) {
            return new PaymentOutcome(sale.get(), null, true);
        }
        Optional<JournalEntry> saleEntry = ledger.entry(new EntryKey(sale.get().entryKey()));
        if (saleEntry.isEmpty()) {
            return PaymentOutcome.failed(PaymentError.SALE_NOT_FOUND);
        }
        long alreadyRefunded = sale.get().refunded();
        if (payments.reserveRefund(paymentId, parsed.amount()) == 0) {
            return PaymentOutcome.failed(PaymentError.REFUND_EXCEEDS_SALE);
        }
        AccountId merchantWallet = wallets.open(WalletOwner.merchant(merchantId));
        // back to the wallet the points came from: the resident's, or the group's its coordinator paid from
        WalletOwner payer = sale.get().payerGroupId() != null ? WalletOwner.group(sale.get().payerGroupId())
                : WalletOwner.resident(sale.get().payerId());
        List<Leg> legs = RefundVintages.legs(saleEntry.get(), payer, merchantWallet, alreadyRefunded,
                parsed.amount(), wallets, points, clock.instant());
        PostResult result = ledger.post(new EntryRequest(new EntryKey(key), EntryKind.REVERSAL,
                "merchant:" + merchantId.value(), "refund of sale " + paymentId, null, legs));
        if (!result.onTheBooks()) {
            payments.releaseRefund(paymentId, parsed.amount());
            return PaymentOutcome.failed(errorOf(result.code()));
        }
        if (result.code() == ResultCode.ALREADY_POSTED) {
            // a concurrent retry of this refund won; its reservation stands, ours is returned
            payments.releaseRefund(paymentId, parsed.amount());
            return new PaymentOutcome(payments.findById(paymentId).orElseThrow(), null, true);
        }
        payments.recordRefund(paymentId, key, parsed.amount(), clock.instant());
        return new PaymentOutcome(payments.findById(paymentId).orElseThrow(), null, false);
    }

    static PaymentError errorOf(ResultCode code) {
        return switch (code) {
            case INSUFFICIENT_FUNDS -> PaymentError.INSUFFICIENT_FUNDS;
            case ACCOUNT_NOT_FOUND -> PaymentError.PAYER_NOT_FOUND;
            case SAME_ACCOUNT_ON_BOTH_SIDES -> PaymentError.SAME_WALLET;
            case LIMIT_EXCEEDED -> PaymentError.AMOUNT_OVER_LIMIT;
            default -> PaymentError.LEDGER_REFUSED;
        };
    }
}
