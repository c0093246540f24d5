package kyodo.wallet.user;

import kyodo.fund.form.FormErrors;
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
            model.addAttribute("errors", new FormErrors().reject(fieldOf(result.error()),
                    "signup.error." + result.error().name()));
            // what was typed comes back (cut to the field's bound); the password never does
            model.addAttribute("username", cut(username, User.USERNAME_LENGTH_MAX));
            model.addAttribute("displayName", cut(displayName, User.DISPLAY_NAME_LENGTH_MAX));
            model.addAttribute("shopName", cut(shopName, User.DISPLAY_NAME_LENGTH_MAX));
            return "signup";
        }
        return "redirect:/signin?signedup" + (merchant ? "&pending" : "");
    }

    /** The form field a refusal is about, so its message stands beside it and the summary links to it. */
    private static String fieldOf(SignUpError error) {
        return switch (error) {
            case USERNAME_INVALID, USERNAME_TAKEN -> "username";
            case DISPLAY_NAME_INVALID -> "displayName";
            case PASSWORD_TOO_SHORT, PASSWORD_TOO_LONG -> "password";
            case SHOP_NAME_INVALID, MERCHANT_NOT_FOUND, ALREADY_APPROVED, OWN_SHOP -> "shopName";
        };
    }

    private static String cut(String typed, int lengthMax) {
        return typed.length() > lengthMax ? typed.substring(0, lengthMax) : typed;
    }

    /** Where sign-in lands when no page was asked for: every role's one home (kyodo.wallet.home). */
    @GetMapping("/start")
    String start() {
        return "redirect:/home";
    }
}
