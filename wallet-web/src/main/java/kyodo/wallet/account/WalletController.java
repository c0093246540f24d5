package kyodo.wallet.account;

import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.wallet.qr.QrCodes;
import kyodo.wallet.qr.QrImages;
import kyodo.wallet.user.SignedIn;
import kyodo.wallet.user.User;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/** The signed-in resident's own wallet (there is no wallet id in the URL to tamper with) and their pay QR. */
@Controller
class WalletController {
    private final SignedIn signedIn;
    private final Statements statements;
    private final QrCodes qrCodes;
    private final Clock clock;
    private final PointsProperties points;

    WalletController(SignedIn signedIn, Statements statements, QrCodes qrCodes, Clock clock, PointsProperties points) {
        this.points = points;
        this.signedIn = signedIn;
        this.statements = statements;
        this.qrCodes = qrCodes;
        this.clock = clock;
    }

    @GetMapping("/wallet")
    String wallet(@RequestParam(required = false) String month, @RequestParam(defaultValue = "0") int page,
                  Authentication authentication, Model model) {
        User user = signedIn.user(authentication);
        YearMonth shown = month(month, clock);
        Statement statement = statements.of(WalletOwner.resident(user.userId()), shown, page, 0);
        model.addAttribute("user", user);
        model.addAttribute("statement", statement);
        model.addAttribute("previousMonth", shown.minusMonths(1).toString());
        model.addAttribute("nextMonth", shown.plusMonths(1).toString());
        // the reminder: points that expire within the configured days, by the last of their expiry dates
        LocalDate horizon = BusinessCalendar.today(clock).plusDays(points.reminderDays());
        long soon = statement.balance().expiringBy(horizon);
        model.addAttribute("expiringSoon", soon);
        model.addAttribute("expiringSoonBy", statement.balance().expiring().stream()
                .filter(e -> !e.lastDay().isAfter(horizon)).map(WalletBalance.Expiring::lastDay)
                .reduce((a, b) -> b).orElse(horizon));
        return "wallet";
    }

    /** A fresh consumer token on every load; the page reloads itself before the token expires. */
    @GetMapping("/wallet/qr")
    String payQr(Authentication authentication, Model model) {
        User user = signedIn.user(authentication);
        String token = qrCodes.token(qrCodes.consumerToken(user.userId()));
        model.addAttribute("token", token);
        model.addAttribute("png", Base64.getEncoder().encodeToString(QrImages.png(token)));
        return "wallet-qr";
    }

    static YearMonth month(String text, Clock clock) {
        YearMonth now = BusinessCalendar.thisMonth(clock);
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
