package kyodo.fund.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kyodo.fund.access.Actor;
import kyodo.fund.document.CsvWriter;
import kyodo.fund.problem.FundApi;
import kyodo.fund.problem.Refused;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code /api/fund/audit/...}: the auditor's workspace as an API. Reads are open to auditors, staff and
 * administrators; statement imports and resolution notes to auditors. Statement files are sent as the request
 * body ({@code text/csv}), read up to {@link StatementCsv#BYTES_MAX} and no further.
 */
@RestController
@FundApi
class AuditApi {
    private final TrialBalances trialBalances;
    private final AccountStatements statements;
    private final JournalSearch search;
    private final Reconciler reconciler;
    private final JournalChecks checks;
    private final java.time.Clock clock;

    AuditApi(TrialBalances trialBalances, AccountStatements statements, JournalSearch search, Reconciler reconciler,
             JournalChecks checks, java.time.Clock clock) {
        this.trialBalances = trialBalances;
        this.statements = statements;
        this.search = search;
        this.reconciler = reconciler;
        this.checks = checks;
        this.clock = clock;
    }

    @GetMapping("/api/fund/audit/trial-balance")
    @PreAuthorize(AuditRoles.READ)
    TrialBalances.Sheet trialBalance(@RequestParam(required = false) String date,
                                     @RequestParam(required = false) String after,
                                     @RequestParam(defaultValue = "500") int limit) {
        return trialBalances.asOf(Dates.required("date", date, LocalDate.now(clock)), after, limit);
    }

    /** Every account's totals as of the date, as CSV (all pages, one after the other). */
    @GetMapping("/api/fund/audit/trial-balance.csv")
    @PreAuthorize(AuditRoles.READ)
    void trialBalanceCsv(@RequestParam(required = false) String date, HttpServletResponse response)
            throws IOException {
        LocalDate day = Dates.required("date", date, LocalDate.now(clock));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"trial-balance-" + day + ".csv\"");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        CsvWriter csv = new CsvWriter(writer);
        csv.text("account").text("asset").text("kind").text("debits_posted").text("credits_posted")
                .text("debits_pending").text("credits_pending").text("balance").endLine();
        String after = null;
        do {
            TrialBalances.Sheet sheet = trialBalances.asOf(day, after, TrialBalances.PAGE_MAX);
            for (TrialBalances.AccountLine line : sheet.accounts()) {
                csv.text(line.code()).text(line.asset()).text(line.kind()).number(line.debitsPosted())
                        .number(line.creditsPosted()).number(line.debitsPending()).number(line.creditsPending())
                        .number(line.balance()).endLine();
            }
            after = sheet.nextAfter();
        } while (after != null);
        writer.flush();
    }

    @GetMapping("/api/fund/audit/statements")
    @PreAuthorize(AuditRoles.READ)
    AccountStatements.Statement statement(@RequestParam(required = false) String account,
                                          @RequestParam(required = false) String from,
                                          @RequestParam(required = false) String to,
                                          @RequestParam(defaultValue = "0") long after,
                                          @RequestParam(defaultValue = "100") int limit) {
        LocalDate today = LocalDate.now(clock);
        LocalDate end = Dates.required("to", to, today);
        return statements.statement(account, Dates.required("from", from, end.withDayOfMonth(1)), end, after, limit);
    }

    @GetMapping("/api/fund/audit/journal")
    @PreAuthorize(AuditRoles.READ)
    JournalSearch.Page journal(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String kind,
                               @RequestParam(required = false) String account,
                               @RequestParam(required = false) String user,
                               @RequestParam(defaultValue = "0") long after,
                               @RequestParam(defaultValue = "50") int limit) {
        return search.search(new JournalSearch.Criteria(Dates.optional("from", from), Dates.optional("to", to), kind,
                account, user, after, limit));
    }

    @GetMapping("/api/fund/audit/reconciliation/imports")
    @PreAuthorize(AuditRoles.READ)
    List<StatementImport> imports() {
        return reconciler.imports();
    }

    /**
     * Imports a statement sent as the body. The encoding is {@code encoding} if given, else the charset of the
     * Content-Type if given, else detected (UTF-8, then Shift_JIS). Any content type is read as CSV (send
     * {@code text/csv}): what is not a statement is refused by its columns. 201 for a new file, 200 for one seen
     * before.
     */
    @PostMapping("/api/fund/audit/reconciliation/imports")
    @PreAuthorize(AuditRoles.WRITE_PAPERS)
    ResponseEntity<Reconciler.Imported> importStatement(HttpServletRequest request,
                                                        @RequestParam(required = false) String fileName,
                                                        @RequestParam(required = false) String encoding)
            throws IOException {
        byte[] bytes = Uploads.read(request.getInputStream(), request.getContentLengthLong(), StatementCsv.BYTES_MAX);
        String chosen = encoding;
        if ((chosen == null || chosen.isBlank()) && request.getContentType() != null) {
            MediaType type = MediaType.parseMediaType(request.getContentType());
            chosen = type.getCharset() == null ? null : type.getCharset().name();
        }
        Reconciler.Imported imported = reconciler.importStatement(Actor.required(), fileName, bytes, chosen);
        return ResponseEntity.status(imported.alreadyImported() ? HttpStatus.OK : HttpStatus.CREATED).body(imported);
    }

    @GetMapping("/api/fund/audit/reconciliation/imports/{id}")
    @PreAuthorize(AuditRoles.READ)
    Reconciliation reconciliation(@PathVariable long id) {
        return reconciler.reconciliation(id);
    }

    /** Matches again what is still unmatched, e.g. after entries were posted for the statement's period. */
    @PostMapping("/api/fund/audit/reconciliation/imports/{id}/match")
    @PreAuthorize(AuditRoles.WRITE_PAPERS)
    Reconciliation match(@PathVariable long id) {
        reconciler.match(Actor.required(), id);
        return reconciler.reconciliation(id);
    }

    record NoteForm(String note) {
    }

    @PostMapping("/api/fund/audit/reconciliation/lines/{lineId}/notes")
    @PreAuthorize(AuditRoles.WRITE_PAPERS)
    ResponseEntity<Void> noteLine(@PathVariable long lineId, @RequestBody NoteForm form) {
        reconciler.noteLine(Actor.required(), lineId, form == null ? null : form.note());
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @PostMapping("/api/fund/audit/reconciliation/legs/{sequence}/{leg}/notes")
    @PreAuthorize(AuditRoles.WRITE_PAPERS)
    ResponseEntity<Void> noteLeg(@PathVariable long sequence, @PathVariable int leg, @RequestBody NoteForm form) {
        reconciler.noteLeg(Actor.required(), sequence, leg, form == null ? null : form.note());
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @GetMapping("/api/fund/audit/reconciliation/imports/{id}.csv")
    @PreAuthorize(AuditRoles.READ)
    void reconciliationCsv(@PathVariable long id, HttpServletResponse response) throws IOException {
        Reconciliation reconciliation = reconciler.reconciliation(id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"reconciliation-" + id + ".csv\"");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        ReconciliationCsv.write(reconciliation, new CsvWriter(writer));
        writer.flush();
    }

    @PostMapping("/api/fund/audit/verification")
    @PreAuthorize(AuditRoles.READ)
    JournalChecks.Result verify() {
        return checks.verify();
    }

    @GetMapping("/api/fund/audit/exports/{format}")
    @PreAuthorize(AuditRoles.READ)
    void export(@PathVariable String format, HttpServletResponse response) throws IOException {
        JournalChecks.Format chosen = JournalChecks.Format.parse(format)
                .orElseThrow(() -> Refused.notFound("export format " + format + " (jsonl, hledger or beancount)"));
        response.setContentType(chosen.mediaType() + ";charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + chosen.fileName() + "\"");
        checks.export(chosen, response.getOutputStream());
    }
}
