package kyodo.wallet.payment;

import kyodo.fund.form.FormErrors;
import kyodo.wallet.qr.QrCodes;
import kyodo.wallet.user.SignedIn;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page a merchant QR opens: the registered merchant name and the amount (or a field for it), then confirm.
 * Also a field for pasting what an in-app or USB scanner read (a URL, a token or a JPQR payload).
 */
@Controller
class PayController {
    private final Cashier cashier;
    private final SignedIn signedIn;

    PayController(Cashier cashier, SignedIn signedIn) {
        this.cashier = cashier;
        this.signedIn = signedIn;
    }

    @GetMapping(QrCodes.PAY_PATH)
    String confirm(@RequestParam(defaultValue = "") String q, Model model) {
        if (q.isBlank()) {
            return "pay-scan";
        }
        PayRequest request = cashier.read(q);
        model.addAttribute("q", q);
        model.addAttribute("request", request);
        model.addAttribute("intent", QrCodes.nonce());
        if (!request.ok()) {
            model.addAttribute("error", request.error().messageKey());
        }
        return "pay";
    }

    @PostMapping(QrCodes.PAY_PATH)
    String pay(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String amount,
               @RequestParam(defaultValue = "") String intent, Authentication authentication, Model model,
               RedirectAttributes redirect) {
        PaymentOutcome outcome = cashier.pay(signedIn.user(authentication).userId(), q, amount, intent);
        if (!outcome.ok()) {
            PayRequest request = cashier.read(q);
            model.addAttribute("q", q);
            model.addAttribute("request", request);
            model.addAttribute("intent", Cashier.INTENT.matcher(intent).matches() ? intent : QrCodes.nonce());
            model.addAttribute("amount", amount);
            if (outcome.error().name().startsWith("AMOUNT_") || outcome.error() == PaymentError.INSUFFICIENT_FUNDS) {
                // a mistake in the typed amount stands beside the amount; a refused QR code stands above the form
                model.addAttribute("errors", new FormErrors().reject("amount", outcome.error().messageKey()));
            } else {
                model.addAttribute("error", outcome.error().messageKey());
            }
            return "pay";
        }
        redirect.addFlashAttribute("paid", outcome.payment());
        return "redirect:/wallet";
    }
}
