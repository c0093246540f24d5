package kyodo.wallet.payment;

import kyodo.wallet.account.WalletOwner;
import kyodo.wallet.account.Wallets;
import kyodo.wallet.qr.Jpqr;
import kyodo.wallet.qr.MerchantQr;
import kyodo.wallet.qr.QrCodes;
import kyodo.wallet.qr.QrImages;
import kyodo.wallet.user.Merchant;
import kyodo.wallet.user.SignedIn;
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
 * USB scanner, read by the camera, or decoded from an uploaded photo), and refunds.
 */
@Controller
class MerchantTerminalController {
    private final SignedIn signedIn;
    private final QrCodes qrCodes;
    private final Cashier cashier;
    private final Wallets wallets;
    private final Payments payments;

    MerchantTerminalController(SignedIn signedIn, QrCodes qrCodes, Cashier cashier, Wallets wallets,
                               Payments payments) {
        this.payments = payments;
        this.signedIn = signedIn;
        this.qrCodes = qrCodes;
        this.cashier = cashier;
        this.wallets = wallets;
    }

    @GetMapping("/merchant")
    String terminal(Authentication authentication, Model model) {
        Merchant merchant = signedIn.merchant(authentication);
        model.addAttribute("merchant", merchant);
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
        if (!parsed.ok()) {
            model.addAttribute("error", parsed.error().messageKey());
        } else if (!MerchantQr.ORDER_REF.matcher(ref).matches()) {
            model.addAttribute("error", "error.ORDER_REF_INVALID");
        } else if (merchant.approved()) {
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
                  RedirectAttributes redirect) throws IOException {
        Merchant merchant = signedIn.merchant(authentication);
        String scanned = token.strip();
        if (scanned.isEmpty() && photo != null && !photo.isEmpty()) {
            if (photo.getSize() > QrImages.PHOTO_BYTES_MAX) {
                redirect.addFlashAttribute("error", "error.PHOTO_UNREADABLE");
                return "redirect:/merchant";
            }
            Optional<String> decoded = QrImages.decode(photo.getBytes());
            if (decoded.isEmpty()) {
                redirect.addFlashAttribute("error", "error.PHOTO_UNREADABLE");
                return "redirect:/merchant";
            }
            scanned = decoded.get();
        }
        PaymentOutcome outcome = cashier.charge(merchant.id(), scanned, amount);
        if (outcome.ok()) {
            redirect.addFlashAttribute("charged", outcome.payment());
        } else {
            redirect.addFlashAttribute("error", outcome.error().messageKey());
        }
        return "redirect:/merchant";
    }

    @PostMapping("/merchant/sales/{id}/refund")
    String refund(@PathVariable long id, @RequestParam(defaultValue = "") String amount,
                  @RequestParam(defaultValue = "") String intent, Authentication authentication,
                  RedirectAttributes redirect) {
        PaymentOutcome outcome = cashier.refund(signedIn.merchant(authentication).id(), id, amount, intent);
        redirect.addFlashAttribute(outcome.ok() ? "refunded" : "error",
                outcome.ok() ? outcome.payment() : outcome.error().messageKey());
        return "redirect:/merchant";
    }

    private static void addQr(Model model, String name, String url) {
        model.addAttribute(name + "Url", url);
        model.addAttribute(name + "Png", Base64.getEncoder().encodeToString(QrImages.png(url)));
    }
}
