package kyodo.wallet.transfer;

import io.swagger.v3.oas.annotations.Operation;
import kyodo.fund.access.UserId;
import kyodo.fund.directory.GroupId;
import kyodo.wallet.account.WalletOwner;
import kyodo.wallet.payment.PaymentError;
import kyodo.wallet.user.SignedIn;
import kyodo.fund.problem.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Resident → resident and resident → group transfers over JSON. */
@RestController
class TransferApi {
    private final Sender sender;
    private final SignedIn signedIn;
    private final Problems problems;

    TransferApi(Sender sender, SignedIn signedIn, Problems problems) {
        this.sender = sender;
        this.signedIn = signedIn;
        this.problems = problems;
    }

    /** @param to {@code resident} or {@code group} */
    record TransferBody(String to, Long id, String amount, String note, String intent) {
    }

    record Sent(long sequence, boolean repeated) {
    }

    @Operation(summary = "Send points to a resident or a group, with a note")
    @PostMapping("/api/transfers")
    ResponseEntity<?> send(@RequestBody TransferBody body, Authentication authentication) {
        if (body == null || body.id() == null || !("resident".equals(body.to()) || "group".equals(body.to()))) {
            return problems.of(400, "RECIPIENT_NOT_FOUND", "error.RECIPIENT_NOT_FOUND");
        }
        UserId from = signedIn.user(authentication).userId();
        if (body.id() <= 0) {
            // names no one: the answer a recipient that does not exist gets
            return problems.of(PaymentError.RECIPIENT_NOT_FOUND);
        }
        WalletOwner to = "group".equals(body.to()) ? WalletOwner.group(new GroupId(body.id()))
                : WalletOwner.resident(new UserId(body.id()));
        Sender.Sent sent = sender.send(from, to, body.amount(), body.note(), body.intent());
        return sent.ok() ? ResponseEntity.ok(new Sent(sent.sequence(), sent.repeated()))
                : problems.of(sent.error());
    }
}
