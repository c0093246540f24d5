package kyodo.fund.audit;

import kyodo.fund.access.Actor;
import kyodo.fund.access.Language;
import kyodo.fund.access.Role;
import kyodo.fund.problem.FundPage;
import kyodo.fund.problem.Problems;
import kyodo.fund.problem.Refused;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The auditor's pages under {@code /fund/audit}: trial balance, account statement, journal search, bank
 * reconciliation and journal verification, with links to the exports. Refusals of a form are shown on the form
 * in the visitor's language.
 */
@Controller
@FundPage
class AuditPages {
    private final TrialBalances trialBalances;
    private final AccountStatements statements;
    private final JournalSearch search;
    private final Reconciler reconciler;
    private final JournalChecks checks;
    private final Clock clock;
    private final Problems problems;

    AuditPages(TrialBalances trialBalances, AccountStatements statements, JournalSearch search, Reconciler reconciler,
               JournalChecks checks, Clock clock, Problems problems) {
        this.trialBalances = trialBalances;
        this.statements = statements;
        this.search = search;
        this.reconciler = reconciler;
        this.checks = checks;
        this.clock = clock;
        this.problems = problems;
    }

    @GetMapping("/fund/audit")
    @PreAuthorize(AuditRoles.READ)
    String index(Model model) {
        model.addAttribute("today", LocalDate.now(clock));
        return "fund/audit/index";
    }

    @GetMapping("/fund/audit/trial-balance")
    @PreAuthorize(AuditRoles.READ)
    String trialBalance(@RequestParam(required = false) String date, @RequestParam(required = false) String after,
                        Model model) {
        model.addAttribute("sheet", trialBalances.asOf(Dates.required("date", date, LocalDate.now(clock)), after,
                TrialBalances.PAGE_MAX));
        return "fund/audit/trial-balance";
    }

    @GetMapping("/fund/audit/statement")
    @PreAuthorize(AuditRoles.READ)
    String statement(@RequestParam(required = false) String account, @RequestParam(required = false) String from,
                     @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") long after,
                     Model model) {
        LocalDate end = Dates.required("to", to, LocalDate.now(clock));
        LocalDate start = Dates.required("from", from, end.withDayOfMonth(1));
        model.addAttribute("account", account == null ? "" : account);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        if (account != null && !account.isBlank()) {
            try {
                model.addAttribute("statement", statements.statement(account, start, end, after, 100));
            } catch (Refused refused) {
                model.addAttribute("error", problems.message(refused));
            }
        }
        return "fund/audit/statement";
    }

    @GetMapping("/fund/audit/journal")
    @PreAuthorize(AuditRoles.READ)
    String journal(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   @RequestParam(required = false) String kind, @RequestParam(required = false) String account,
                   @RequestParam(required = false) String user, @RequestParam(defaultValue = "0") long after,
                   Model model) {
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        model.addAttribute("kind", kind == null ? "" : kind);
        model.addAttribute("account", account == null ? "" : account);
        model.addAttribute("user", user == null ? "" : user);
        try {
            model.addAttribute("page", search.search(new JournalSearch.Criteria(Dates.optional("from", from),
                    Dates.optional("to", to), kind, account, user, after, 50)));
        } catch (Refused refused) {
            model.addAttribute("error", problems.message(refused));
        }
        return "fund/audit/journal";
    }

    @GetMapping("/fund/audit/reconciliation")
    @PreAuthorize(AuditRoles.READ)
    String reconciliation(Model model) {
        model.addAttribute("imports", reconciler.imports());
        model.addAttribute("auditor", Actor.required().is(Role.AUDITOR));
        model.addAttribute("bytesMax", StatementCsv.BYTES_MAX / (1024 * 1024) + " MiB");
        return "fund/audit/reconciliation";
    }

    @PostMapping("/fund/audit/reconciliation")
    @PreAuthorize(AuditRoles.WRITE_PAPERS)
    String importStatement(@RequestParam(required = false) MultipartFile file,
                           @RequestParam(required = false) String encoding, Model model,
                           jakarta.servlet.http.HttpServletResponse response) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw BadStatement.invalid("STATEMENT_EMPTY", "choose-file");
            }
            if (file.getSize() > StatementCsv.BYTES_MAX) {
                throw BadStatement.tooLarge(StatementCsv.BYTES_MAX);
            }
            byte[] bytes;
            try (var in = file.getInputStream()) {
                bytes = Uploads.read(in, file.getSize(), StatementCsv.BYTES_MAX);
            }
            Reconciler.Imported imported = reconciler.importStatement(Actor.required(), file.getOriginalFilename(),
                    bytes, encoding);
            return "redirect:/fund/audit/reconciliation/" + imported.statement().id()
                    + (imported.alreadyImported() ? "?again" : "");
        } catch (Refused refused) {
            response.setStatus(refused.refusal().status());
            model.addAttribute("error", problems.message(refused));
        }
        reconciliation(model);
        return "fund/audit/reconciliation";
    }

    @GetMapping("/fund/audit/reconciliation/{id}")
    @PreAuthorize(AuditRoles.READ)
    String reconciliationOf(@PathVariable long id, @RequestParam(required = false) String again, Model model) {
        model.addAttribute("again", again != null);
        model.addAttribute("auditor", Actor.required().is(Role.AUDITOR));
        model.addAttribute("r", reconciler.reconciliation(id));
        return "fund/audit/reconciliation-import";
    }

    @PostMapping("/fund/audit/reconciliation/{id}/match")
    @PreAuthorize(AuditRoles.WRITE_PAPERS)
    String match(@PathVariable long id) {
        reconciler.match(Actor.required(), id);
        return "redirect:/fund/audit/reconciliation/" + id;
    }

    @PostMapping("/fund/audit/reconciliation/{id}/lines/{lineId}/notes")
    @PreAuthorize(AuditRoles.WRITE_PAPERS)
    String noteLine(@PathVariable long id, @PathVariable long lineId, @RequestParam(required = false) String note,
                    Model model) {
        try {
            reconciler.noteLine(Actor.required(), lineId, note);
            return "redirect:/fund/audit/reconciliation/" + id;
        } catch (Refused refused) {
            model.addAttribute("error", problems.message(refused));
            return reconciliationOf(id, null, model);
        }
    }

    @PostMapping("/fund/audit/reconciliation/{id}/legs/{sequence}/{leg}/notes")
    @PreAuthorize(AuditRoles.WRITE_PAPERS)
    String noteLeg(@PathVariable long id, @PathVariable long sequence, @PathVariable int leg,
                   @RequestParam(required = false) String note, Model model) {
        try {
            reconciler.noteLeg(Actor.required(), sequence, leg, note);
            return "redirect:/fund/audit/reconciliation/" + id;
        } catch (Refused refused) {
            model.addAttribute("error", problems.message(refused));
            return reconciliationOf(id, null, model);
        }
    }

    @GetMapping("/fund/audit/verification")
    @PreAuthorize(AuditRoles.READ)
    String verification(Model model) {
        return "fund/audit/verification";
    }

    @PostMapping("/fund/audit/verification")
    @PreAuthorize(AuditRoles.READ)
    String verify(Model model) {
        try {
            model.addAttribute("result", checks.verify());
        } catch (Refused refused) {
            model.addAttribute("error", problems.message(refused));
        }
        return "fund/audit/verification";
    }
}
