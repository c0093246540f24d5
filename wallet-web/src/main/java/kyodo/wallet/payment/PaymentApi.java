package kyodo.wallet.payment;

import io.swagger.v3.oas.annotations.Operation;
import kyodo.fund.access.UserId;
import kyodo.wallet.qr.MerchantQr;
import kyodo.wallet.qr.QrCodes;
import kyodo.wallet.qr.QrImages;
import kyodo.wallet.user.Merchant;
import kyodo.wallet.user.MerchantId;
import kyodo.wallet.user.SignedIn;
import kyodo.fund.problem.Problems;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * Payments over JSON: a resident pays a merchant QR; a merchant makes order QRs, charges a resident's token and
 * refunds a sale. Sign in first (session cookie) and send the CSRF token as {@code X-CSRF-TOKEN}.
 */
@RestController
class PaymentApi {
    private final Cashier cashier;
    private final SignedIn signedIn;
    private final QrCodes qrCodes;
    private final Problems problems;

    PaymentApi(Cashier cashier, SignedIn signedIn, QrCodes qrCodes, Problems problems) {
        this.cashier = cashier;
        this.signedIn = signedIn;
        this.qrCodes = qrCodes;
        this.problems = problems;
    }

    /** @param qr the scanned URL, token or JPQR; @param intent 16..32 of [A-Za-z0-9_-], for store QRs */
    record PayBody(String qr, String amount, String intent) {
    }

    record ChargeBody(String token, String amount) {
    }

    record OrderQrBody(String amount, String orderRef) {
    }

    record RefundBody(String amount, String intent) {
    }

    record PaymentView(long id, MerchantId merchantId, UserId payerId, long amount, long refunded, String orderRef,
                       String channel, Instant createdAt, boolean repeated) {
        static PaymentView of(PaymentOutcome outcome) {
            Payment p = outcome.payment();
            return new PaymentView(p.id(), p.merchantId(), p.payerId(), p.amount(), p.refunded(), p.orderRef(),
                    p.channel().name(), p.createdAt(), outcome.repeated());
        }
    }

    record QrView(String url, String token, Instant expiresAt) {
    }

    record ConsumerTokenView(String token, Instant expiresAt) {
    }

    @Operation(summary = "Pay a merchant QR (the resident confirms the merchant name and amount first)")
    @PostMapping("/api/payments")
    ResponseEntity<?> pay(@RequestBody PayBody body, Authentication authentication) {
        PayBody b = body == null ? new PayBody(null, null, null) : body;
        return answer(cashier.pay(signedIn.userId(authentication), b.qr(), b.amount(), b.intent()));
    }

    @Operation(summary = "Read a merchant QR: the registered merchant name and the amount, before paying")
    @GetMapping("/api/payments/preview")
    ResponseEntity<?> preview(@RequestParam String qr) {
        PayRequest request = cashier.read(qr);
        if (!request.ok()) {
            return problem(request.error());
        }
        return ResponseEntity.ok(new Preview(request.merchant().id(), request.merchant().name(),
                request.qr().amount(), request.qr().orderRef(), request.qr().expiresAt()));
    }

    record Preview(MerchantId merchantId, String merchantName, long amount, String orderRef, Instant expiresAt) {
    }

    @Operation(summary = "A fresh single-use consumer token (valid for at most 60 seconds) to show as a QR")
    @PostMapping("/api/consumer-token")
    ConsumerTokenView consumerToken(Authentication authentication) {
        var token = qrCodes.consumerToken(signedIn.user(authentication).userId());
        return new ConsumerTokenView(qrCodes.token(token), token.expiresAt());
    }

    @Operation(summary = "Charge a resident's consumer token (merchant)")
    @PostMapping("/api/merchant/charges")
    ResponseEntity<?> charge(@RequestBody ChargeBody body, Authentication authentication) {
        ChargeBody b = body == null ? new ChargeBody(null, null) : body;
        return answer(cashier.charge(signedIn.merchant(authentication).id(), b.token(), b.amount()));
    }

    @Operation(summary = "Make a QR for one order with its amount (merchant)")
    @PostMapping("/api/merchant/order-qr")
    ResponseEntity<?> orderQr(@RequestBody OrderQrBody body, Authentication authentication) {
        Merchant merchant = signedIn.merchant(authentication);
        if (!merchant.approved()) {
            return problem(PaymentError.MERCHANT_NOT_APPROVED);
        }
        AmountInput.Parsed amount = AmountInput.parse(body == null ? null : body.amount());
        if (!amount.ok()) {
            return problem(amount.error());
        }
        String ref = body.orderRef() == null ? "" : body.orderRef().strip();
        if (!MerchantQr.ORDER_REF.matcher(ref).matches()) {
            return problems.of(400, "ORDER_REF_INVALID", "error.ORDER_REF_INVALID");
        }
        MerchantQr qr = qrCodes.orderQr(merchant.id(), amount.amount(), ref);
        return ResponseEntity.ok(new QrView(qrCodes.url(qr), qrCodes.token(qr), qr.expiresAt()));
    }

    @Operation(summary = "The merchant's store QR as a PNG image (merchant)")
    @GetMapping(value = "/api/merchant/store-qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> storeQrPng(Authentication authentication) {
        Merchant merchant = signedIn.merchant(authentication);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .body(QrImages.png(qrCodes.url(qrCodes.storeQr(merchant.id()))));
    }

    @Operation(summary = "The merchant's store QR as SVG (merchant)")
    @GetMapping(value = "/api/merchant/store-qr.svg", produces = "image/svg+xml")
    ResponseEntity<String> storeQrSvg(Authentication authentication) {
        Merchant merchant = signedIn.merchant(authentication);
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                .body(QrImages.svg(qrCodes.url(qrCodes.storeQr(merchant.id()))));
    }

    @Operation(summary = "Refund (part of) one of the merchant's sales")
    @PostMapping("/api/merchant/sales/{id}/refunds")
    ResponseEntity<?> refund(@PathVariable long id, @RequestBody RefundBody body, Authentication authentication) {
        RefundBody b = body == null ? new RefundBody(null, null) : body;
        return answer(cashier.refund(signedIn.merchant(authentication).id(), id, b.amount(), b.intent()));
    }

    private ResponseEntity<?> answer(PaymentOutcome outcome) {
        return outcome.ok() ? ResponseEntity.ok(PaymentView.of(outcome)) : problem(outcome.error());
    }

    private ResponseEntity<?> problem(PaymentError error) {
        return problems.of(error);
    }
}
