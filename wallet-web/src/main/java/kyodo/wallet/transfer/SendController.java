package kyodo.wallet.transfer;

import java.util.Locale;
import java.util.Optional;


import kyodo.fund.access.Role;
import kyodo.fund.access.UserId;
import kyodo.fund.directory.Group;
import kyodo.fund.directory.GroupId;
import kyodo.fund.directory.Groups;
import kyodo.fund.form.FormErrors;
import kyodo.wallet.account.OwnerKind;
import kyodo.wallet.account.WalletOwner;
import kyodo.wallet.payment.AmountInput;
import kyodo.wallet.payment.Cashier;
import kyodo.wallet.payment.PaymentError;
import kyodo.wallet.qr.QrCodes;
import kyodo.wallet.user.SignedIn;
import kyodo.wallet.user.User;
import kyodo.wallet.user.Users;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sending points to another resident (by username) or to a verified group of the registry, with a note, in two
 * steps: the form, then a confirmation that names the recipient and the amount ("送る" or "戻る"). The
 * confirmation carries what was typed in hidden fields and the form's nonce, which stays the transfer's
 * idempotency key, so a second press of "送る" cannot send twice.
 */
@Controller
class SendController {
    private static final String GROUP_PREFIX = "group:";

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

    /** Who the typed "to" names: a resident or a verified group, with the name the confirmation shows. */
    private record Recipient(OwnerKind kind, long id, String name) {
    }

    @GetMapping("/send")
    String form(Model model) {
        return form(model, "", "", "", QrCodes.nonce(), new FormErrors());
    }

    @PostMapping("/send")
    String send(@RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "") String amount,
                @RequestParam(defaultValue = "") String note, @RequestParam(defaultValue = "") String intent,
                @RequestParam(defaultValue = "") String step, Authentication authentication, Model model,
                RedirectAttributes redirect) {
        UserId from = signedIn.userId(authentication);
        String nonce = Cashier.INTENT.matcher(intent).matches() ? intent : QrCodes.nonce();
        if ("back".equals(step)) {
            return form(model, to, amount, note, nonce, new FormErrors());
        }
        FormErrors errors = new FormErrors();
        Optional<Recipient> recipient = recipient(to);
        if (recipient.isEmpty()) {
            errors.reject("to", to.isBlank() ? "send.error.toMissing"
                    : PaymentError.RECIPIENT_NOT_FOUND.messageKey());
        } else if (recipient.get().kind() == OwnerKind.RESIDENT && recipient.get().id() == from.value()) {
            errors.reject("to", PaymentError.SAME_WALLET.messageKey());
        }
        PaymentError invalid = Sender.invalid(amount, note, nonce);
        if (invalid != null) {
            errors.reject(fieldOf(invalid), invalid.messageKey());
        }
        if (!errors.isEmpty()) {
            return form(model, to, amount, note, nonce, errors);
        }
        Recipient chosen = recipient.orElseThrow();
        if (!"confirm".equals(step)) {
            model.addAttribute("to", to);
            model.addAttribute("amount", amount);
            model.addAttribute("note", note);
            model.addAttribute("intent", nonce);
            model.addAttribute("recipientName", chosen.name());
            model.addAttribute("toGroup", chosen.kind() == OwnerKind.GROUP);
            model.addAttribute("points", AmountInput.parse(amount).amount());
            return "send-confirm";
        }
        Sender.Sent sent = sender.send(from, new WalletOwner(chosen.kind(), chosen.id()), amount, note, nonce);
        if (!sent.ok()) {
            return form(model, to, amount, note, nonce,
                    new FormErrors().reject(fieldOf(sent.error()), sent.error().messageKey()));
        }
        redirect.addFlashAttribute("sent", true);
        return "redirect:/wallet";
    }

    private String form(Model model, String to, String amount, String note, String intent, FormErrors errors) {
        model.addAttribute("groups", groups.verified(Groups.PAGE_MAX));
        model.addAttribute("to", to);
        model.addAttribute("amount", amount);
        model.addAttribute("note", note);
        model.addAttribute("intent", intent);
        model.addAttribute("errors", errors);
        return "send";
    }

    private Optional<Recipient> recipient(String to) {
        String typed = to.strip();
        if (typed.startsWith(GROUP_PREFIX) && typed.substring(GROUP_PREFIX.length()).matches("[0-9]{1,18}")) {
            long id = Long.parseLong(typed.substring(GROUP_PREFIX.length()));
            return groups.find(new GroupId(id)).filter(Group::verified)
                    .map(g -> new Recipient(OwnerKind.GROUP, id, g.name()));
        }
        if (typed.isEmpty() || typed.length() > User.USERNAME_LENGTH_MAX) {
            return Optional.empty();
        }
        return users.findByUsername(typed.toLowerCase(Locale.ROOT))
                .filter(u -> u.role() == Role.RESIDENT)
                .map(u -> new Recipient(OwnerKind.RESIDENT, u.id().value(), u.displayName()));
    }

    /** The field a refusal is about, so its message stands beside that field and the summary links to it. */
    private static String fieldOf(PaymentError error) {
        return switch (error) {
            case AMOUNT_MISSING, AMOUNT_NOT_A_NUMBER, AMOUNT_NOT_POSITIVE, AMOUNT_OVER_LIMIT, INSUFFICIENT_FUNDS ->
                    "amount";
            case RECIPIENT_NOT_FOUND, SAME_WALLET -> "to";
            case NOTE_TOO_LONG, NOTE_INVALID -> "note";
            default -> "send-submit";
        };
    }
}
