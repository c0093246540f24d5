package kyodo.wallet.group;

import jakarta.servlet.http.HttpServletResponse;
import kyodo.fund.access.UserId;
import kyodo.fund.directory.Group;
import kyodo.fund.directory.GroupId;
import kyodo.fund.directory.Groups;
import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.wallet.account.PointsProperties;
import kyodo.wallet.account.Statement;
import kyodo.wallet.account.Statements;
import kyodo.wallet.account.WalletOwner;
import kyodo.wallet.account.Wallets;
import kyodo.wallet.payment.AmountInput;
import kyodo.wallet.payment.Cashier;
import kyodo.wallet.payment.PaymentError;
import kyodo.wallet.payment.PaymentOutcome;
import kyodo.wallet.qr.QrCodes;
import kyodo.wallet.transfer.Sender;
import kyodo.wallet.user.MerchantId;
import kyodo.wallet.user.MerchantStatus;
import kyodo.wallet.user.Merchants;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /groups/{id}/wallet}: the group's points for its coordinators. The id in the URL is checked against the
 * signed-in coordinator on every request: to anyone who does not coordinate that group the page does not exist
 * (404, the same answer as for a group that does not), so another group's wallet can be neither seen nor spent.
 * Sending, paying and giving to the fund go through {@link Sender} and {@link Cashier}, which check it again. A gift
 * to the fund takes two steps: the amount is reviewed first and the coordinator confirms it on a second form that
 * carries the same intent, so a confirmation sent twice gives once.
 */
@Controller
class GroupWalletController {
    /** Shops offered in the pay form; the ward has far fewer approved shops than this. */
    static final int SHOPS_MAX = 200;

    private final SignedIn signedIn;
    private final Groups groups;
    private final Wallets wallets;
    private final Statements statements;
    private final Sender sender;
    private final Cashier cashier;
    private final Users users;
    private final Merchants merchants;
    private final PointsProperties points;
    private final Clock clock;

    GroupWalletController(SignedIn signedIn, Groups groups, Wallets wallets, Statements statements, Sender sender,
                          Cashier cashier, Users users, Merchants merchants, PointsProperties points, Clock clock) {
        this.signedIn = signedIn;
        this.groups = groups;
        this.wallets = wallets;
        this.statements = statements;
        this.sender = sender;
        this.cashier = cashier;
        this.users = users;
        this.merchants = merchants;
        this.points = points;
        this.clock = clock;
    }

    @GetMapping("/groups/{id}/wallet")
    String wallet(@PathVariable long id, @RequestParam(required = false) String month,
                  @RequestParam(defaultValue = "0") int page, Authentication authentication, Model model,
                  HttpServletResponse response) {
        Optional<Group> group = coordinated(id, authentication);
        if (group.isEmpty()) {
            return missing(response);
        }
        return page(group.get(), month, page, model, null, null, null);
    }

    @PostMapping("/groups/{id}/wallet/send")
    String send(@PathVariable long id, @RequestParam(defaultValue = "") String to,
                @RequestParam(defaultValue = "") String amount, @RequestParam(defaultValue = "") String note,
                @RequestParam(defaultValue = "") String intent, Authentication authentication, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        Optional<Group> group = coordinated(id, authentication);
        if (group.isEmpty()) {
            return missing(response);
        }
        Optional<UserId> resident = users.findByUsername(to.strip().toLowerCase(Locale.ROOT)).map(User::userId);
        Sender.Sent sent = resident.isEmpty() ? new Sender.Sent(0, PaymentError.RECIPIENT_NOT_FOUND, false)
                : sender.sendFromGroup(signedIn.userId(authentication), group.get().id(), resident.get(), amount,
                note, intent);
        if (!sent.ok()) {
            model.addAttribute("sendError", sent.error().messageKey());
            model.addAttribute("sendForm", new SendForm(to, amount, note));
            return page(group.get(), null, 0, model, intent, null, null);
        }
        redirect.addFlashAttribute("sent", true);
        return "redirect:/groups/" + id + "/wallet";
    }

    @PostMapping("/groups/{id}/wallet/pay")
    String pay(@PathVariable long id, @RequestParam(defaultValue = "0") long merchantId,
               @RequestParam(defaultValue = "") String amount, @RequestParam(defaultValue = "") String intent,
               Authentication authentication, Model model, HttpServletResponse response,
               RedirectAttributes redirect) {
        Optional<Group> group = coordinated(id, authentication);
        if (group.isEmpty()) {
            return missing(response);
        }
        // a number that names no shop is refused as a shop that is not there
        Optional<MerchantId> shop = MerchantId.ofPositive(merchantId);
        PaymentOutcome paid = shop.isEmpty() ? PaymentOutcome.failed(PaymentError.MERCHANT_NOT_FOUND)
                : cashier.payFromGroup(signedIn.userId(authentication), group.get().id(), shop.get(), amount, intent);
        if (!paid.ok()) {
            model.addAttribute("payError", paid.error().messageKey());
            model.addAttribute("payForm", new PayForm(shop.orElse(null), amount));
            return page(group.get(), null, 0, model, null, intent, null);
        }
        redirect.addFlashAttribute("paid", paid.payment());
        return "redirect:/groups/" + id + "/wallet";
    }

    @PostMapping("/groups/{id}/wallet/donate")
    String reviewDonation(@PathVariable long id, @RequestParam(defaultValue = "") String amount,
                          @RequestParam(defaultValue = "") String intent, Authentication authentication, Model model,
                          HttpServletResponse response) {
        Optional<Group> group = coordinated(id, authentication);
        if (group.isEmpty()) {
            return missing(response);
        }
        AmountInput.Parsed parsed = AmountInput.parse(amount);
        PaymentError refused = !parsed.ok() ? parsed.error()
                : parsed.amount() > wallets.balance(WalletOwner.group(group.get().id())).available()
                ? PaymentError.INSUFFICIENT_FUNDS : null;
        if (refused != null) {
            model.addAttribute("donateError", refused.messageKey());
            model.addAttribute("donateForm", new DonateForm(amount));
        } else {
            model.addAttribute("donation", new Donation(parsed.amount()));
        }
        return page(group.get(), null, 0, model, null, null, intent);
    }

    @PostMapping("/groups/{id}/wallet/donate/confirm")
    String donate(@PathVariable long id, @RequestParam(defaultValue = "") String amount,
                  @RequestParam(defaultValue = "") String intent, Authentication authentication, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        Optional<Group> group = coordinated(id, authentication);
        if (group.isEmpty()) {
            return missing(response);
        }
        Sender.Sent given = sender.donateFromGroup(signedIn.userId(authentication), group.get().id(), amount, intent);
        if (!given.ok()) {
            model.addAttribute("donateError", given.error().messageKey());
            model.addAttribute("donateForm", new DonateForm(amount));
            return page(group.get(), null, 0, model, null, null, intent);
        }
        redirect.addFlashAttribute("donated", new Donation(AmountInput.parse(amount).amount()));
        return "redirect:/groups/" + id + "/wallet";
    }

    /** What the send form held, shown again with the reason it was not sent. */
    record SendForm(String to, String amount, String note) {
    }

    /** What the pay form held ({@code merchantId} null when it named no shop), shown again with the reason. */
    record PayForm(MerchantId merchantId, String amount) {
    }

    /** What the gift form held, shown again with the reason it was not given. */
    record DonateForm(String amount) {
    }

    /** A gift to the fund, checked and waiting for confirmation, or just given. */
    record Donation(long amount) {
    }

    /** The group, if it exists and the signed-in person coordinates it; otherwise nothing, whatever the reason. */
    private Optional<Group> coordinated(long id, Authentication authentication) {
        if (id <= 0) {
            return Optional.empty();
        }
        UserId me = signedIn.userId(authentication);
        return groups.find(new GroupId(id)).filter(g -> g.coordinatedBy(me));
    }

    private static String missing(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "group-wallet-missing";
    }

    private String page(Group group, String monthText, int page, Model model, String sendIntent, String payIntent,
                        String donateIntent) {
        WalletOwner owner = WalletOwner.group(group.id());
        // Opened at registration; opening again is harmless and covers a group registered before it was so.
        wallets.open(owner);
        YearMonth now = BusinessCalendar.thisMonth(clock);
        YearMonth shown = month(monthText, now);
        Statement statement = statements.of(owner, shown, page, 0);
        model.addAttribute("group", group);
        model.addAttribute("statement", statement);
        model.addAttribute("previousMonth", shown.minusMonths(1).toString());
        model.addAttribute("nextMonth", shown.plusMonths(1).toString());
        LocalDate horizon = BusinessCalendar.today(clock).plusDays(points.reminderDays());
        model.addAttribute("expiringSoon", statement.balance().expiringBy(horizon));
        model.addAttribute("shops", merchants.findByStatusOrderById(MerchantStatus.APPROVED).stream()
                .limit(SHOPS_MAX).map(m -> new Shop(m.merchantId(), m.name())).toList());
        model.addAttribute("sendIntent", validIntent(sendIntent));
        model.addAttribute("payIntent", validIntent(payIntent));
        model.addAttribute("donateIntent", validIntent(donateIntent));
        if (!model.containsAttribute("sendForm")) {
            model.addAttribute("sendForm", new SendForm("", "", ""));
        }
        if (!model.containsAttribute("payForm")) {
            model.addAttribute("payForm", new PayForm(null, ""));
        }
        if (!model.containsAttribute("donateForm")) {
            model.addAttribute("donateForm", new DonateForm(""));
        }
        return "group-wallet";
    }

    /** A shop in the pay form: its id and the registered name the coordinator sees before paying. */
    record Shop(MerchantId id, String name) {
    }

    /** A retried form keeps its intent (so a double submit posts once); anything else gets a fresh one. */
    private static String validIntent(String intent) {
        return intent != null && Cashier.INTENT.matcher(intent).matches() ? intent : QrCodes.nonce();
    }

    private static YearMonth month(String text, YearMonth now) {
        if (text == null || text.length() != 7) {
            return now;
        }
        try {
            YearMonth parsed = YearMonth.parse(text);
            return parsed.getYear() < 2000 || parsed.isAfter(now.plusYears(1)) ? now : parsed;
        } catch (DateTimeParseException e) {
            return now;
        }
    }
}
