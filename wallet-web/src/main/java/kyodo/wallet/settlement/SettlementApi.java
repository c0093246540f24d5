package kyodo.wallet.settlement;

import io.swagger.v3.oas.annotations.Operation;
import kyodo.wallet.user.Merchant;
import kyodo.wallet.user.MerchantId;
import kyodo.wallet.user.Merchants;
import kyodo.wallet.user.SignedIn;
import kyodo.fund.problem.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Settlement over JSON: staff settle months, add budget, mark payments and download the Zengin file and any
 * statement; merchants read their own settlements and statements and keep their bank account. Errors are
 * problem+json.
 */
@RestController
class SettlementApi {
    private final Settler settler;
    private final Settlements settlements;
    private final SettlementStatements statements;
    private final ZenginExports zengin;
    private final BankAccounts bankAccounts;
    private final Merchants merchants;
    private final SignedIn signedIn;
    private final Problems problems;
    private final Clock clock;

    SettlementApi(Settler settler, Settlements settlements, SettlementStatements statements, ZenginExports zengin,
                  BankAccounts bankAccounts, Merchants merchants, SignedIn signedIn, Problems problems, Clock clock) {
        this.settler = settler;
        this.settlements = settlements;
        this.statements = statements;
        this.zengin = zengin;
        this.bankAccounts = bankAccounts;
        this.merchants = merchants;
        this.signedIn = signedIn;
        this.problems = problems;
        this.clock = clock;
    }

    record SettlementView(long id, MerchantId merchantId, String month, long points, long yen, String rate,
                          boolean posted, String state, boolean paymentPosted, Instant paidAt) {
        static SettlementView of(Settlement s) {
            return new SettlementView(s.id(), s.merchantId(), s.month().toString(), s.points(), s.yen(), s.rate(),
                    s.posted(), s.state().name(), s.paidPosted(), s.paidAt());
        }
    }

    record LineView(MerchantId merchantId, String merchantName, SettlementView settlement, String error) {
    }

    record BudgetBody(Integer fiscalYear, String yen, String intent) {
    }

    record BankBody(String bankCode, String bankName, String branchCode, String branchName, String accountType,
                    String accountNumber, String holder) {
    }

    record BankView(String bankCode, String bankName, String branchCode, String branchName, String accountType,
                    String accountNumber, String holder) {
        static BankView of(BankAccount a) {
            return new BankView(a.bankCode(), a.bankNameKana(), a.branchCode(), a.branchNameKana(),
                    a.accountType().name(), a.accountNumber(), a.holderKana());
        }
    }

    @Operation(summary = "Settle every approved merchant's points for a month that is over; idempotent (staff)")
    @PostMapping("/api/staff/settlements/{month}")
    ResponseEntity<?> settle(@PathVariable String month, Authentication authentication) {
        Optional<YearMonth> parsed = Settler.month(month);
        if (parsed.isEmpty()) {
            return problem(SettlementError.MONTH_INVALID);
        }
        Settler.Run run = settler.settle(parsed.get(), signedIn.user(authentication).userId());
        if (!run.ok()) {
            return problem(run.error());
        }
        return ResponseEntity.ok(run.lines().stream().map(l -> new LineView(l.merchant().id(), l.merchant().name(),
                SettlementView.of(l.settlement()), l.error() == null ? null : l.error().name())).toList());
    }

    @Operation(summary = "The settlements of a month (staff)")
    @GetMapping("/api/staff/settlements/{month}")
    ResponseEntity<?> month(@PathVariable String month) {
        return Settler.month(month).<ResponseEntity<?>>map(m -> ResponseEntity.ok(
                settlements.ofMonth(m).stream().map(SettlementView::of).toList()))
                .orElseGet(() -> problem(SettlementError.MONTH_INVALID));
    }

    @Operation(summary = "Add yen to a fiscal year's settlement budget; once per intent (staff)")
    @PostMapping("/api/staff/settlement-budgets")
    ResponseEntity<?> budget(@RequestBody BudgetBody body, Authentication authentication) {
        BudgetBody b = body == null ? new BudgetBody(null, null, null) : body;
        int fiscalYear = b.fiscalYear() == null ? 0 : b.fiscalYear();
        Optional<SettlementError> error = settler.addBudget(fiscalYear, b.yen(), b.intent(),
                signedIn.user(authentication).userId());
        return error.<ResponseEntity<?>>map(this::problem)
                .orElseGet(() -> ResponseEntity.ok(java.util.Map.of("fiscalYear", fiscalYear,
                        "budgetLeft", settler.budgetLeft(fiscalYear))));
    }

    @Operation(summary = "Record that a settlement's yen were transferred: posts the payment once (staff)")
    @PostMapping("/api/staff/settlements/{id}/paid")
    ResponseEntity<?> paid(@PathVariable long id, Authentication authentication) {
        Optional<SettlementError> error = settler.markPaid(id, signedIn.user(authentication).userId());
        return error.<ResponseEntity<?>>map(this::problem)
                .orElseGet(() -> ResponseEntity.ok(SettlementView.of(settlements.findById(id).orElseThrow())));
    }

    @Operation(summary = "The month's Zengin 総合振込 file (Shift_JIS, 120-byte records) of payable settlements (staff)")
    @GetMapping("/api/staff/settlements/{month}/zengin")
    ResponseEntity<?> zengin(@PathVariable String month, @RequestParam(required = false) String transferDate) {
        Optional<YearMonth> parsed = Settler.month(month);
        if (parsed.isEmpty()) {
            return problem(SettlementError.MONTH_INVALID);
        }
        LocalDate date;
        try {
            date = transferDate == null ? Settler.today(clock).plusDays(3) : LocalDate.parse(transferDate.strip());
        } catch (DateTimeParseException e) {
            return problem(SettlementError.DATE_INVALID);
        }
        ZenginExports.Export export = zengin.export(parsed.get(), date);
        ResponseEntity<byte[]> file = SettlementFiles.zengin(export.file(), "zengin-" + parsed.get() + ".txt");
        return ResponseEntity.status(file.getStatusCode()).headers(file.getHeaders())
                .header("X-Kyodo-Transfers", Integer.toString(export.count()))
                .header("X-Kyodo-Total-Yen", Long.toString(export.totalYen()))
                .header("X-Kyodo-Missing-Bank-Details", export.merchantsWithoutBankDetails().toString())
                .body(file.getBody());
    }

    @Operation(summary = "Any merchant's statement for a settlement, PDF (staff)")
    @GetMapping("/api/staff/settlements/{id}/statement.pdf")
    ResponseEntity<?> staffPdf(@PathVariable long id) {
        return statement(settlements.findById(id), "pdf");
    }

    @Operation(summary = "Any merchant's statement for a settlement, CSV (staff)")
    @GetMapping("/api/staff/settlements/{id}/statement.csv")
    ResponseEntity<?> staffCsv(@PathVariable long id) {
        return statement(settlements.findById(id), "csv");
    }

    @Operation(summary = "The merchant's own settlements (merchant)")
    @GetMapping("/api/merchant/settlements")
    List<SettlementView> mine(Authentication authentication) {
        return settlements.ofMerchant(signedIn.merchant(authentication).id()).stream().map(SettlementView::of)
                .toList();
    }

    @Operation(summary = "The merchant's own statement, PDF (merchant)")
    @GetMapping("/api/merchant/settlements/{id}/statement.pdf")
    ResponseEntity<?> myPdf(@PathVariable long id, Authentication authentication) {
        return statement(own(id, authentication), "pdf");
    }

    @Operation(summary = "The merchant's own statement, CSV (merchant)")
    @GetMapping("/api/merchant/settlements/{id}/statement.csv")
    ResponseEntity<?> myCsv(@PathVariable long id, Authentication authentication) {
        return statement(own(id, authentication), "csv");
    }

    @Operation(summary = "The merchant's bank account for settlement transfers (merchant)")
    @GetMapping("/api/merchant/bank-account")
    ResponseEntity<?> bank(Authentication authentication) {
        return bankAccounts.find(signedIn.merchant(authentication).id())
                .<ResponseEntity<?>>map(a -> ResponseEntity.ok(BankView.of(a)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @Operation(summary = "Set the merchant's bank account (half-width katakana holder name) (merchant)")
    @PutMapping("/api/merchant/bank-account")
    ResponseEntity<?> saveBank(@RequestBody BankBody body, Authentication authentication) {
        BankBody b = body == null ? new BankBody(null, null, null, null, null, null, null) : body;
        BankAccountForm.Parsed parsed = BankAccountForm.parse(signedIn.merchant(authentication).id(), b.bankCode(),
                b.bankName(), b.branchCode(), b.branchName(), b.accountType(), b.accountNumber(), b.holder(),
                clock.instant());
        if (!parsed.ok()) {
            return problem(parsed.error());
        }
        bankAccounts.save(parsed.account());
        return ResponseEntity.ok(BankView.of(parsed.account()));
    }

    private Optional<Settlement> own(long id, Authentication authentication) {
        Merchant merchant = signedIn.merchant(authentication);
        return settlements.findById(id).filter(s -> s.merchantId().equals(merchant.merchantId()));
    }

    private ResponseEntity<?> statement(Optional<Settlement> settlement, String format) {
        if (settlement.isEmpty()) {
            return problem(SettlementError.SETTLEMENT_NOT_FOUND);
        }
        Settlement s = settlement.get();
        Merchant merchant = merchants.findById(s.merchantId()).orElseThrow();
        return format.equals("pdf")
                ? SettlementFiles.pdf(statements.pdf(merchant, s), SettlementFiles.statementName(s, "pdf"))
                : SettlementFiles.csv(statements.csv(merchant, s), SettlementFiles.statementName(s, "csv"));
    }

    private ResponseEntity<?> problem(SettlementError error) {
        return problems.of(error);
    }
}
