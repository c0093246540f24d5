package kyodo.wallet.user;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign-in page, sign-up for residents and merchants, and where sign-in lands: the one home. */
@Controller
class SignUpController {
    private final Registrar registrar;

    SignUpController(Registrar registrar) {
        this.registrar = registrar;
    }

    @GetMapping("/signin")
    String signIn() {
        return "signin";
    }

    @GetMapping("/signup")
    String signUpForm(@RequestParam(defaultValue = "resident") String as, Model model) {
        model.addAttribute("merchant", "merchant".equals(as));
        return "signup";
    }

    @PostMapping("/signup")
    String signUp(@RequestParam(defaultValue = "resident") String as, @RequestParam(defaultValue = "") String username,
                  @RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String password,
                  @RequestParam(defaultValue = "") String shopName, Model model) {
        boolean merchant = "merchant".equals(as);
        Registrar.SignedUp result = merchant
                ? registrar.signUpMerchant(username, displayName, password, shopName)
                : registrar.signUpResident(username, displayName, password);
        if (!result.ok()) {
            model.addAttribute("merchant", merchant);
            model.addAttribute("error", "signup.error." + result.error().name());
            model.addAttribute("username", username.length() > User.USERNAME_LENGTH_MAX ? "" : username);
            return "signup";
        }
        return "redirect:/signin?signedup" + (merchant ? "&pending" : "");
    }

    /** Where sign-in lands when no page was asked for: every role's one home (kyodo.wallet.home). */
    @GetMapping("/start")
    String start() {
        return "redirect:/home";
    }
}
