package kyodo.wallet.payment;

import kyodo.fund.form.FormErrors;
import kyodo.wallet.account.WalletOwner;
import kyodo.wallet.account.Wallets;
import kyodo.wallet.qr.Jpqr;
import kyodo.wallet.qr.MerchantQr;
import kyodo.wallet.qr.QrCodes;
import kyodo.wallet.qr.QrImages;
import kyodo.wallet.user.Merchant;
import kyodo.wallet.user.SignedIn;
import kyodo.wallet.user.User;
import kyodo.wallet.user.Users;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.util.Base64;
import java.util.Optional;

/**
 * The merchant's terminal: its store QR, QR codes for single orders, charging a resident's token (typed by a
 * USB scanner, read by the camera, or decoded from an uploaded photo), and refunds. A form with errors comes
 * back with what was typed, a summary linking to each field and the message beside it; a refund is confirmed on
 * a page that names the customer and the amount before any point moves back.
 */
@Controller
class MerchantTerminalController {
    private final SignedIn signedIn;
    private final QrCodes qrCodes;
    private final Cashier cashier;
    private final Wallets wallets;
    private final Payments payments;
    private final Users users;

    MerchantTerminalController(SignedIn signedIn, QrCodes qrCodes, Cashier cashier, Wallets wallets,
                               Payments payments, Users users) {
        this.payments = payments;
        this.users = users;
        this.signedIn = signedIn;
        this.qrCodes = qrCodes;
        this.cashier = cashier;
        this.wallets = wallets;
    }

    @GetMapping("/merchant")
    String terminal(Authentication authentication, Model model) {
        Merchant merchant = signedIn.merchant(authentication);
        model.addAttribute("merchant", merchant);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        if (merchant.approved()) {
            MerchantQr store = qrCodes.storeQr(merchant.id());
            addQr(model, "store", qrCodes.url(store));
            model.addAttribute("storeJpqr", Jpqr.build(qrCodes.token(store), merchant.name(), 0));
            model.addAttribute("balance", wallets.balance(WalletOwner.merchant(merchant.id())));
            model.addAttribute("sales", payments.findTop20ByMerchantIdOrderByIdDesc(merchant.id()));
            model.addAttribute("intent", QrCodes.nonce());
        }
        return "merchant";
    }

    @PostMapping("/merchant/order-qr")
    String orderQr(@RequestParam(defaultValue = "") String amount, @RequestParam(defaultValue = "") String orderRef,
                   Authentication authentication, Model model) {
        Merchant merchant = signedIn.merchant(authentication);
        AmountInput.Parsed parsed = AmountInput.parse(amount);
        String ref = orderRef.strip();
        FormErrors errors = new FormErrors();
        if (!parsed.ok()) {
            errors.reject("order-amount", parsed.error().messageKey());
        }
        if (!MerchantQr.ORDER_REF.matcher(ref).matches()) {
            errors.reject("order-ref", "error.ORDER_REF_INVALID");
        }
        model.addAttribute("errors", errors);
        model.addAttribute("orderAmountTyped", amount);
        model.addAttribute("orderRefTyped", orderRef);
        if (errors.isEmpty() && merchant.approved()) {
            MerchantQr qr = qrCodes.orderQr(merchant.id(), parsed.amount(), ref);
            addQr(model, "order", qrCodes.url(qr));
            model.addAttribute("orderAmount", parsed.amount());
            model.addAttribute("orderRef", ref);
        }
        return terminal(authentication, model);
    }

    @PostMapping("/merchant/charge")
    String charge(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String amount,
                  @RequestParam(required = false) MultipartFile photo, Authentication authentication,
                  Model model, RedirectAttributes redirect) throws IOException {
        Merchant merchant = signedIn.merchant(authentication);
        String scanned = token.strip();
        if (scanned.isEmpty() && photo != null && !photo.isEmpty()) {
            Optional<String> decoded = photo.getSize() > QrImages.PHOTO_BYTES_MAX ? Optional.empty()
                    : QrImages.decode(photo.getBytes());
            if (decoded.isEmpty()) {
                return chargeRefused(authentication, model, amount, token,
                        new FormErrors().reject("charge-photo", "error.PHOTO_UNREADABLE"));
            }
            scanned = decoded.get();
        }
        PaymentOutcome outcome = cashier.charge(merchant.id(), scanned, amount);
        if (!outcome.ok()) {
            String field = switch (outcome.error()) {
                case AMOUNT_MISSING, AMOUNT_NOT_A_NUMBER, AMOUNT_NOT_POSITIVE, AMOUNT_OVER_LIMIT,
                     AMOUNT_DIFFERS_FROM_QR, INSUFFICIENT_FUNDS -> "charge-amount";
                default -> "charge-token";
            };
            return chargeRefused(authentication, model, amount, token,
                    new FormErrors().reject(field, outcome.error().messageKey()));
        }
        redirect.addFlashAttribute("charged", outcome.payment());
        return "redirect:/merchant";
    }

    private String chargeRefused(Authentication authentication, Model model, String amount, String token,
                                 FormErrors errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("chargeAmountTyped", amount);
        model.addAttribute("chargeTokenTyped", token);
        return terminal(authentication, model);
    }

    /**
     * The refund form's first press shows a confirmation naming the customer and the amount; "返金する" there
     * ({@code step=confirm}) refunds, with the form's nonce as the idempotency key; "戻る" returns to the terminal.
     */
    @PostMapping("/merchant/sales/{id}/refund")
    String refund(@PathVariable long id, @RequestParam(defaultValue = "") String amount,
                  @RequestParam(defaultValue = "") String intent, @RequestParam(defaultValue = "") String step,
                  Authentication authentication, Model model, RedirectAttributes redirect) {
        Merchant merchant = signedIn.merchant(authentication);
        if ("back".equals(step)) {
            return "redirect:/merchant";
        }
        String field = "refund-" + id;
        Optional<Payment> sale = payments.findById(id).filter(p -> p.merchantId().equals(merchant.id()));
        AmountInput.Parsed parsed = AmountInput.parse(amount);
        FormErrors errors = new FormErrors();
        if (sale.isEmpty()) {
            errors.reject(field, PaymentError.SALE_NOT_FOUND.messageKey());
        } else if (!parsed.ok()) {
            errors.reject(field, parsed.error().messageKey());
        } else if (!"confirm".equals(step) && parsed.amount() > sale.get().amount() - sale.get().refunded()) {
            // only before the confirmation: a pressed-again confirmation is the cashier's to recognise as done
            errors.reject(field, PaymentError.REFUND_EXCEEDS_SALE.messageKey());
        }
        if (errors.isEmpty() && "confirm".equals(step)) {
            PaymentOutcome outcome = cashier.refund(merchant.id(), id, amount, intent);
            if (outcome.ok()) {
                redirect.addFlashAttribute("refunded", outcome.payment());
                return "redirect:/merchant";
            }
            errors.reject(field, outcome.error().messageKey());
        }
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            model.addAttribute("refundSaleId", id);
            model.addAttribute("refundTyped", amount);
            return terminal(authentication, model);
        }
        model.addAttribute("merchant", merchant);
        model.addAttribute("sale", sale.get());
        model.addAttribute("customerName", users.findById(sale.get().payerId()).map(User::displayName).orElse(""));
        model.addAttribute("points", parsed.amount());
        model.addAttribute("amount", amount);
        model.addAttribute("intent", intent);
        return "merchant-refund-confirm";
    }

    private static void addQr(Model model, String name, String url) {
        model.addAttribute(name + "Url", url);
        model.addAttribute(name + "Png", Base64.getEncoder().encodeToString(QrImages.png(url)));
    }
}
