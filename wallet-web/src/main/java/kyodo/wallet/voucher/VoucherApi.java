package kyodo.wallet.voucher;

import io.swagger.v3.oas.annotations.Operation;
import kyodo.wallet.user.MerchantId;
import kyodo.wallet.user.SignedIn;
import kyodo.fund.problem.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Paper vouchers over JSON: staff issue and expire, merchants redeem. Errors are problem+json. */
@RestController
class VoucherApi {
    private final VoucherDesk desk;
    private final VoucherBatches batches;
    private final SignedIn signedIn;
    private final Problems problems;

    VoucherApi(VoucherDesk desk, VoucherBatches batches, SignedIn signedIn, Problems problems) {
        this.desk = desk;
        this.batches = batches;
        this.signedIn = signedIn;
        this.problems = problems;
    }

    /** @param intent 16..32 of [A-Za-z0-9_-], chosen by the client: a retry with the same intent issues once */
    record IssueBody(String denomination, String count, String expiresOn, String intent) {
    }

    record RedeemBody(String voucher) {
    }

    record BatchView(long id, long denomination, int count, long total, LocalDate expiresOn, int fiscalYear,
                     Instant createdAt) {
        static BatchView of(VoucherBatch b) {
            return new BatchView(b.id(), b.denomination(), b.count(), b.total(), b.expiresOn(), b.fiscalYear(),
                    b.createdAt());
        }
    }

    record VoucherView(String serial, long amount, LocalDate expiresOn, String state, MerchantId merchantId,
                       Instant settledAt) {
        static VoucherView of(Voucher v) {
            return new VoucherView(v.serial().grouped(), v.amount(), v.expiresOn(), v.state().name(), v.merchantId(),
                    v.settledAt());
        }
    }

    @Operation(summary = "Issue a batch of paper vouchers from this fiscal year's points budget (staff)")
    @PostMapping("/api/staff/voucher-batches")
    ResponseEntity<?> issue(@RequestBody IssueBody body, Authentication authentication) {
        IssueBody b = body == null ? new IssueBody(null, null, null, null) : body;
        VoucherDesk.Issued issued = desk.issue(signedIn.user(authentication).id(), b.denomination(), b.count(),
                b.expiresOn(), b.intent());
        return issued.ok() ? ResponseEntity.ok(BatchView.of(issued.batch())) : problem(issued.error());
    }

    @Operation(summary = "The latest voucher batches (staff)")
    @GetMapping("/api/staff/voucher-batches")
    List<BatchView> batches() {
        return batches.latest().stream().map(BatchView::of).toList();
    }

    @Operation(summary = "A batch's printable A4 sheet of vouchers as PDF (staff)")
    @GetMapping("/api/staff/voucher-batches/{id}/sheet.pdf")
    ResponseEntity<?> sheet(@PathVariable long id) {
        return desk.sheet(id).<ResponseEntity<?>>map(pdf -> StaffVoucherController.pdf(pdf, "vouchers-" + id + ".pdf"))
                .orElseGet(() -> problem(VoucherError.BATCH_NOT_FOUND));
    }

    @Operation(summary = "Expire outstanding vouchers past their date; idempotent (staff)")
    @PostMapping("/api/staff/vouchers/expire")
    Map<String, Integer> expire() {
        return Map.of("expired", desk.expire());
    }

    @Operation(summary = "Redeem a voucher by its scanned QR text or its typed serial (merchant)")
    @PostMapping("/api/merchant/vouchers/redemptions")
    ResponseEntity<?> redeem(@RequestBody RedeemBody body, Authentication authentication) {
        VoucherDesk.Redeemed redeemed = desk.redeem(signedIn.merchant(authentication).id(),
                body == null ? null : body.voucher());
        return redeemed.ok() ? ResponseEntity.ok(VoucherView.of(redeemed.voucher())) : problem(redeemed.error());
    }

    private ResponseEntity<?> problem(VoucherError error) {
        return problems.of(error);
    }
}
