package kyodo.wallet.settlement;

import kyodo.ledger.calendar.FiscalYear;
import kyodo.wallet.qr.QrCodes;
import kyodo.wallet.user.Merchant;
import kyodo.wallet.user.MerchantId;
import kyodo.wallet.user.Merchants;
import kyodo.wallet.user.SignedIn;
import org.springframework.http.ResponseEntity;
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
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Staff settle a month, add to the settlement budget, download statements and the Zengin file, and mark payments. */
@Controller
class StaffSettlementController {
    private final Settler settler;
    private final Settlements settlements;
    private final SettlementStatements statements;
    private final ZenginExports zengin;
    private final Merchants merchants;
    private final SignedIn signedIn;
    private final Clock clock;

    StaffSettlementController(Settler settler, Settlements settlements, SettlementStatements statements,
                              ZenginExports zengin, Merchants merchants, SignedIn signedIn, Clock clock) {
        this.settler = settler;
        this.settlements = settlements;
        this.statements = statements;
        this.zengin = zengin;
        this.merchants = merchants;
        this.signedIn = signedIn;
        this.clock = clock;
    }

    @GetMapping("/staff/settlements")
    String page(@RequestParam(required = false) String month, Model model) {
        YearMonth shown = Settler.month(month).orElse(YearMonth.from(Settler.today(clock)).minusMonths(1));
        if (month != null && Settler.month(month).isEmpty()) {
            model.addAttribute("error", SettlementError.MONTH_INVALID.messageKey());
        }
        int fiscalYear = FiscalYear.containing(shown.atDay(1)).year();
        Map<MerchantId, Merchant> names = merchants.findAll().stream()
                .collect(Collectors.toMap(Merchant::id, Function.identity()));
        model.addAttribute("month", shown);
        model.addAttribute("settlements", settlements.ofMonth(shown));
        model.addAttribute("merchants", names);
        model.addAttribute("fiscalYear", fiscalYear);
        model.addAttribute("budgetLeft", settler.budgetLeft(fiscalYear));
        model.addAttribute("intent", QrCodes.nonce());
        model.addAttribute("transferDate", Settler.today(clock).plusDays(3));
        return "staff-settlements";
    }

    @PostMapping("/staff/settlements/run")
    String run(@RequestParam(defaultValue = "") String month, Authentication authentication,
               RedirectAttributes redirect) {
        Optional<YearMonth> parsed = Settler.month(month);
        if (parsed.isEmpty()) {
            redirect.addFlashAttribute("error", SettlementError.MONTH_INVALID.messageKey());
            return "redirect:/staff/settlements";
        }
        Settler.Run run = settler.settle(parsed.get(), signedIn.user(authentication).userId());
        if (!run.ok()) {
            redirect.addFlashAttribute("error", run.error().messageKey());
        } else {
            redirect.addFlashAttribute("ran", run.lines().size());
            run.lines().stream().filter(l -> l.error() != null).findFirst()
                    .ifPresent(l -> redirect.addFlashAttribute("error", l.error().messageKey()));
        }
        return "redirect:/staff/settlements?month=" + parsed.get();
    }

    @PostMapping("/staff/settlements/budget")
    String budget(@RequestParam(defaultValue = "0") int fiscalYear, @RequestParam(defaultValue = "") String yen,
                  @RequestParam(defaultValue = "") String intent, @RequestParam(defaultValue = "") String month,
                  Authentication authentication, RedirectAttributes redirect) {
        settler.addBudget(fiscalYear, yen, intent, signedIn.user(authentication).userId()).ifPresentOrElse(
                error -> redirect.addFlashAttribute("error", error.messageKey()),
                () -> redirect.addFlashAttribute("budgetAdded", true));
        return "redirect:/staff/settlements" + (Settler.month(month).isPresent() ? "?month=" + month : "");
    }

    @PostMapping("/staff/settlements/{id}/paid")
    String paid(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
        Optional<SettlementError> error = settler.markPaid(id, signedIn.user(authentication).userId());
        error.ifPresentOrElse(e -> redirect.addFlashAttribute("error", e.messageKey()),
                () -> redirect.addFlashAttribute("paid", true));
        return "redirect:/staff/settlements" + settlements.findById(id).map(s -> "?month=" + s.month()).orElse("");
    }

    @GetMapping("/staff/settlements/zengin")
    ResponseEntity<?> zengin(@RequestParam(defaultValue = "") String month,
                             @RequestParam(defaultValue = "") String transferDate) {
        Optional<YearMonth> parsed = Settler.month(month);
        if (parsed.isEmpty()) {
            return ResponseEntity.badRequest().body(SettlementError.MONTH_INVALID.name());
        }
        LocalDate date;
        try {
            date = LocalDate.parse(transferDate.strip());
        } catch (DateTimeParseException e) {
            return ResponseEntity.badRequest().body(SettlementError.DATE_INVALID.name());
        }
        return SettlementFiles.zengin(zengin.export(parsed.get(), date).file(), "zengin-" + parsed.get() + ".txt");
    }

    @GetMapping("/staff/settlements/{id}/statement.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return statement(id, "pdf");
    }

    @GetMapping("/staff/settlements/{id}/statement.csv")
    ResponseEntity<byte[]> csv(@PathVariable long id) {
        return statement(id, "csv");
    }

    private ResponseEntity<byte[]> statement(long id, String format) {
        Optional<Settlement> settlement = settlements.findById(id);
        if (settlement.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Merchant merchant = merchants.findById(settlement.get().merchantId()).orElseThrow();
        return format.equals("pdf")
                ? SettlementFiles.pdf(statements.pdf(merchant, settlement.get()),
                SettlementFiles.statementName(settlement.get(), "pdf"))
                : SettlementFiles.csv(statements.csv(merchant, settlement.get()),
                SettlementFiles.statementName(settlement.get(), "csv"));
    }
}
