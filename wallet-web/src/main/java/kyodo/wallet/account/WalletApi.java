package kyodo.wallet.account;

import io.swagger.v3.oas.annotations.Operation;
import kyodo.wallet.user.SignedIn;
import kyodo.wallet.user.User;
import kyodo.fund.problem.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The signed-in resident's own wallet over JSON. There is no wallet id to pass, so nobody can ask for another's. */
@RestController
class WalletApi {
    private final SignedIn signedIn;
    private final Statements statements;
    private final Clock clock;

    private final Problems problems;

    WalletApi(SignedIn signedIn, Statements statements, Clock clock, Problems problems) {
        this.signedIn = signedIn;
        this.statements = statements;
        this.clock = clock;
        this.problems = problems;
    }

    record WalletView(long available, long posted, long pendingIn, long pendingOut, String month, int page,
                      boolean hasMore, List<Line> lines, List<WalletBalance.Expiring> expiring) {
    }

    record Line(long sequence, Instant postedAt, String kind, String counterparty, long change, String memo) {
    }

    @Operation(summary = "Balance and one page of a month's history (Asia/Tokyo), newest first")
    @GetMapping("/api/wallet")
    ResponseEntity<?> wallet(@RequestParam(required = false) String month, @RequestParam(defaultValue = "0") int page,
                             Authentication authentication) {
        // The pages fall back to this month for a bad month; a program gets told, so it never reads the wrong one.
        if (month != null && !month.equals(WalletController.month(month, clock).toString())) {
            return problems.of(400, "MONTH_INVALID", "error.MONTH_INVALID");
        }
        if (page < 0 || page >= Statements.PAGE_MAX) {
            return problems.of(400, "PAGE_OUT_OF_RANGE", "error.PAGE_OUT_OF_RANGE");
        }
        User user = signedIn.user(authentication);
        Statement s = statements.of(WalletOwner.resident(user.userId()), WalletController.month(month, clock), page, 0);
        return ResponseEntity.ok(new WalletView(s.balance().available(), s.balance().posted(), s.balance().pendingIn(),
                s.balance().pendingOut(), s.month().toString(), s.page(), s.hasMore(),
                s.lines().stream().map(l -> new Line(l.sequence(), l.postedAt(), l.kind(), l.counterparty(),
                        l.change(), l.memo())).toList(), s.balance().expiring()));
    }
}
