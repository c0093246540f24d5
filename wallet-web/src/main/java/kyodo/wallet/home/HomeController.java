package kyodo.wallet.home;

import kyodo.ledger.Head;
import kyodo.ledger.Ledger;
import kyodo.wallet.books.LedgerProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {
    private final Ledger ledger;
    private final LedgerProperties ledgerProperties;

    HomeController(Ledger ledger, LedgerProperties ledgerProperties) {
        this.ledger = ledger;
        this.ledgerProperties = ledgerProperties;
    }

    @GetMapping("/")
    String home(Model model) {
        Head head = ledger.head();
        model.addAttribute("ledgerName", ledgerProperties.name());
        model.addAttribute("headSequence", head.sequence());
        return "home";
    }
}
