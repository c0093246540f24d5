package kyodo.wallet.transfer;

import java.util.Locale;
import java.util.Optional;

import kyodo.fund.access.UserId;
import kyodo.fund.directory.GroupId;
import kyodo.fund.directory.Groups;
import kyodo.wallet.account.WalletOwner;
import kyodo.wallet.payment.PaymentError;
import kyodo.wallet.qr.QrCodes;
import kyodo.wallet.user.SignedIn;
import kyodo.wallet.user.Users;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sending points to another resident (by username) or to a verified group of the registry, with a note. */
@Controller
class SendController {
    private final Sender sender;
    private final SignedIn signedIn;
    private final Users users;
    private final Groups groups;

    SendController(Sender sender, SignedIn signedIn, Users users, Groups groups) {
        this.sender = sender;
        this.signedIn = signedIn;
        this.users = users;
        this.groups = groups;
    }

    @GetMapping("/send")
    String form(Model model) {
        model.addAttribute("groups", groups.verified(Groups.PAGE_MAX));
        model.addAttribute("intent", QrCodes.nonce());
        return "send";
    }

    @PostMapping("/send")
    String send(@RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "") String amount,
                @RequestParam(defaultValue = "") String note, @RequestParam(defaultValue = "") String intent,
                Authentication authentication, Model model, RedirectAttributes redirect) {
        UserId from = signedIn.userId(authentication);
        Optional<WalletOwner> recipient = to.startsWith("group:") && to.substring(6).matches("[0-9]{1,18}")
                ? Optional.of(Long.parseLong(to.substring(6))).filter(id -> id > 0)
                        .map(id -> WalletOwner.group(new GroupId(id)))
                : users.findByUsername(to.strip().toLowerCase(Locale.ROOT)).map(u -> WalletOwner.resident(u.userId()));
        Sender.Sent sent = recipient.isEmpty() ? new Sender.Sent(0, PaymentError.RECIPIENT_NOT_FOUND, false)
                : sender.send(from, recipient.get(), amount, note, intent);
        if (!sent.ok()) {
            model.addAttribute("groups", groups.verified(Groups.PAGE_MAX));
            model.addAttribute("intent", intent.matches("[A-Za-z0-9_-]{16,32}") ? intent : QrCodes.nonce());
            model.addAttribute("error", sent.error().messageKey());
            return "send";
        }
        redirect.addFlashAttribute("sent", true);
        return "redirect:/wallet";
    }
}
