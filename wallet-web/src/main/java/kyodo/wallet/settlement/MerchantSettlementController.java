package kyodo.wallet.settlement;

import kyodo.wallet.user.Merchant;
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
import java.util.Optional;

/** A merchant's own settlements and statements (never another's), and the bank account their yen go to. */
@Controller
class MerchantSettlementController {
    private final Settlements settlements;
    private final SettlementStatements statements;
    private final BankAccounts bankAccounts;
    private final SignedIn signedIn;
    private final Clock clock;

    MerchantSettlementController(Settlements settlements, SettlementStatements statements, BankAccounts bankAccounts,
                                 SignedIn signedIn, Clock clock) {
        this.settlements = settlements;
        this.statements = statements;
        this.bankAccounts = bankAccounts;
        this.signedIn = signedIn;
        this.clock = clock;
    }

    @GetMapping("/merchant/settlements")
    String page(Authentication authentication, Model model) {
        Merchant merchant = signedIn.merchant(authentication);
        model.addAttribute("merchant", merchant);
        model.addAttribute("settlements", settlements.ofMerchant(merchant.id()));
        model.addAttribute("bank", bankAccounts.find(merchant.id()).orElse(null));
        model.addAttribute("accountTypes", AccountType.values());
        return "merchant-settlements";
    }

    @PostMapping("/merchant/bank-account")
    String saveBank(@RequestParam(defaultValue = "") String bankCode, @RequestParam(defaultValue = "") String bankName,
                    @RequestParam(defaultValue = "") String branchCode,
                    @RequestParam(defaultValue = "") String branchName,
                    @RequestParam(defaultValue = "") String accountType,
                    @RequestParam(defaultValue = "") String accountNumber,
                    @RequestParam(defaultValue = "") String holder, Authentication authentication,
                    RedirectAttributes redirect) {
        Merchant merchant = signedIn.merchant(authentication);
        BankAccountForm.Parsed parsed = BankAccountForm.parse(merchant.id(), bankCode, bankName, branchCode,
                branchName, accountType, accountNumber, holder, clock.instant());
        if (parsed.ok()) {
            bankAccounts.save(parsed.account());
            redirect.addFlashAttribute("bankSaved", true);
        } else {
            redirect.addFlashAttribute("error", parsed.error().messageKey());
        }
        return "redirect:/merchant/settlements";
    }

    @GetMapping("/merchant/settlements/{id}/statement.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, Authentication authentication) {
        Merchant merchant = signedIn.merchant(authentication);
        return own(id, merchant).map(s -> SettlementFiles.pdf(statements.pdf(merchant, s),
                SettlementFiles.statementName(s, "pdf"))).orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/merchant/settlements/{id}/statement.csv")
    ResponseEntity<byte[]> csv(@PathVariable long id, Authentication authentication) {
        Merchant merchant = signedIn.merchant(authentication);
        return own(id, merchant).map(s -> SettlementFiles.csv(statements.csv(merchant, s),
                SettlementFiles.statementName(s, "csv"))).orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** Another merchant's settlement is answered like a missing one: its existence is not revealed. */
    private Optional<Settlement> own(long id, Merchant merchant) {
        return settlements.findById(id).filter(s -> s.merchantId().equals(merchant.merchantId()));
    }
}
