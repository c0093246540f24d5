package kyodo.wallet.user;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff approve merchants waiting for approval. */
@Controller
class StaffController {
    private final Merchants merchants;
    private final Registrar registrar;
    private final SignedIn signedIn;

    StaffController(Merchants merchants, Registrar registrar, SignedIn signedIn) {
        this.merchants = merchants;
        this.registrar = registrar;
        this.signedIn = signedIn;
    }

    @GetMapping("/staff")
    String pending(Model model) {
        model.addAttribute("pending", merchants.findByStatusOrderById(MerchantStatus.PENDING));
        return "staff";
    }

    @PostMapping("/staff/merchants/{id}/approve")
    String approve(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
        Optional<SignUpError> refused = MerchantId.ofPositive(id)
                .map(merchant -> registrar.approve(merchant, signedIn.userId(authentication)))
                .orElse(Optional.of(SignUpError.MERCHANT_NOT_FOUND));
        refused.ifPresent(error -> redirect.addFlashAttribute("error", "signup.error." + error.name()));
        return "redirect:/staff";
    }
}
