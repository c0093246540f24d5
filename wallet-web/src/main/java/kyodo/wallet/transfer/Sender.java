package kyodo.wallet.transfer;

import kyodo.ledger.DisplayText;
import kyodo.ledger.EntryKey;
import kyodo.ledger.EntryKind;
import kyodo.ledger.PostResult;
import kyodo.ledger.ResultCode;
import kyodo.wallet.account.OwnerKind;
import kyodo.wallet.account.Spender;
import kyodo.wallet.account.WalletOwner;
import kyodo.wallet.account.Wallets;
import kyodo.wallet.payment.AmountInput;
import kyodo.wallet.payment.Cashier;
import kyodo.wallet.payment.PaymentError;
import kyodo.wallet.user.CivicGroups;
import kyodo.wallet.user.Role;
import kyodo.wallet.user.Users;
import org.springframework.stereotype.Component;

/**
 * Sends points from a resident's wallet to another resident's or a group's, once per form (intent): the oldest
 * vintages first, each into the recipient's vintage of the same month, in one entry.
 */
@Component
public class Sender {
    public static final int NOTE_LENGTH_MAX = 140;

    private final Wallets wallets;
    private final Users users;
    private final CivicGroups groups;
    private final Spender spender;

    public Sender(Wallets wallets, Users users, CivicGroups groups, Spender spender) {
        this.spender = spender;
        this.wallets = wallets;
        this.users = users;
        this.groups = groups;
    }

    /** The outcome: the ledger sequence when sent, else the error; {@code repeated} for a retried form. */
    public record Sent(long sequence, PaymentError error, boolean repeated) {
        public boolean ok() {
            return error == null;
        }
    }

    public Sent send(long fromUserId, OwnerKind toKind, long toId, String amountInput, String note, String intent) {
        AmountInput.Parsed parsed = AmountInput.parse(amountInput);
        if (!parsed.ok()) {
            return new Sent(0, parsed.error(), false);
        }
        String memo = note == null ? "" : note.strip();
        if (memo.length() > NOTE_LENGTH_MAX) {
            return new Sent(0, PaymentError.NOTE_TOO_LONG, false);
        }
        if (!DisplayText.note(memo)) {
            return new Sent(0, PaymentError.NOTE_INVALID, false);
        }
        if (intent == null || !Cashier.INTENT.matcher(intent).matches()) {
            return new Sent(0, PaymentError.QR_MALFORMED, false);
        }
        boolean recipientExists = switch (toKind) {
            case RESIDENT -> users.findById(toId).filter(u -> u.role() == Role.RESIDENT).isPresent();
            case GROUP -> groups.existsById(toId);
            case MERCHANT -> false;
        };
        if (!recipientExists) {
            return new Sent(0, PaymentError.RECIPIENT_NOT_FOUND, false);
        }
        if (toKind == OwnerKind.RESIDENT && toId == fromUserId) {
            return new Sent(0, PaymentError.SAME_WALLET, false);
        }
        WalletOwner sender = WalletOwner.resident(fromUserId);
        if (!wallets.exists(sender)) {
            return new Sent(0, PaymentError.PAYER_NOT_FOUND, false);
        }
        WalletOwner recipient = new WalletOwner(toKind, toId);
        // points keep their vintage: each leg lands in the recipient's account of the same month
        PostResult result = spender.take(sender, parsed.amount(), vintage -> wallets.vintage(recipient, vintage),
                new EntryKey("tr:" + intent + ":" + fromUserId), EntryKind.TRANSFER, "user:" + fromUserId, memo, null);
        if (!result.onTheBooks()) {
            return new Sent(0, result.code() == ResultCode.INSUFFICIENT_FUNDS ? PaymentError.INSUFFICIENT_FUNDS
                    : PaymentError.LEDGER_REFUSED, false);
        }
        return new Sent(result.sequence(), null, result.code() == ResultCode.ALREADY_POSTED);
    }
}
