package kyodo.wallet.account;

import io.swagger.v3.oas.annotations.Operation;
import kyodo.wallet.user.SignedIn;
import kyodo.wallet.user.User;
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

    WalletApi(SignedIn signedIn, Statements statements, Clock clock) {
        this.signedIn = signedIn;
        this.statements = statements;
        this.clock = clock;
    }

    record WalletView(long available, long posted, long pendingIn, long pendingOut, String month, int page,
                      boolean hasMore, List<Line> lines, List<WalletBalance.Expiring> expiring) {
    }

    record Line(long sequence, Instant postedAt, String kind, String counterparty, long change, String memo) {
    }

    @Operation(summary = "Balance and one page of a month's history (Asia/Tokyo), newest first")
    @GetMapping("/api/wallet")
    WalletView wallet(@RequestParam(required = false) String month, @RequestParam(defaultValue = "0") int page,
                      Authentication authentication) {
        User user = signedIn.user(authentication);
        Statement s = statements.of(WalletOwner.resident(user.id()), WalletController.month(month, clock), page, 0);
        return new WalletView(s.balance().available(), s.balance().posted(), s.balance().pendingIn(),
                s.balance().pendingOut(), s.month().toString(), s.page(), s.hasMore(),
                s.lines().stream().map(l -> new Line(l.sequence(), l.postedAt(), l.kind(), l.counterparty(),
                        l.change(), l.memo())).toList(), s.balance().expiring());
    }
}
