package kyodo.wallet.transfer;

import kyodo.fund.access.Role;
import kyodo.fund.access.UserId;
import kyodo.fund.directory.Group;
import kyodo.fund.directory.GroupId;
import kyodo.fund.directory.Groups;
import kyodo.ledger.AccountId;
import kyodo.ledger.DisplayText;
import kyodo.ledger.EntryKey;
import kyodo.ledger.EntryKind;
import kyodo.ledger.PostResult;
import kyodo.ledger.ResultCode;
import kyodo.wallet.account.Spender;
import kyodo.wallet.account.WalletOwner;
import kyodo.wallet.account.Wallets;
import kyodo.wallet.payment.AmountInput;
import kyodo.wallet.payment.Cashier;
import kyodo.wallet.payment.PaymentError;
import kyodo.wallet.user.Users;
import org.springframework.stereotype.Component;

/**
 * Sends points, once per form (intent): the oldest vintages first, each into the recipient's vintage of the same
 * month, in one entry. A resident sends from their own wallet to another resident's or to a verified group's; a
 * group's coordinator sends from the group's wallet to a resident (the coordinator acts, the group pays), or gives
 * the group's points to the fund ({@code fund:pt}, the account expired points go to when the policy says so).
 */
@Component
public class Sender {
    public static final int NOTE_LENGTH_MAX = 140;
    /** The key of a group's gift to the fund: {@code gdon:<intent>:<group id>}. */
    public static final String DONATION_KEY_PREFIX = "gdon:";

    private final Wallets wallets;
    private final Users users;
    private final Groups groups;
    private final Spender spender;

    public Sender(Wallets wallets, Users users, Groups groups, Spender spender) {
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

        static Sent failed(PaymentError error) {
            return new Sent(0, error, false);
        }
    }

    /** A resident sends from their own wallet to a resident's wallet or a verified group's. */
    public Sent send(UserId from, WalletOwner to, String amountInput, String note, String intent) {
        PaymentError invalid = invalid(amountInput, note, intent);
        if (invalid != null) {
            return Sent.failed(invalid);
        }
        boolean recipientExists = switch (to.kind()) {
            case RESIDENT -> isResident(new UserId(to.id()));
            case GROUP -> groups.find(new GroupId(to.id())).filter(Group::verified).isPresent();
            case MERCHANT -> false;
        };
        if (!recipientExists) {
            return Sent.failed(PaymentError.RECIPIENT_NOT_FOUND);
        }
        WalletOwner payer = WalletOwner.resident(from);
        if (to.equals(payer)) {
            return Sent.failed(PaymentError.SAME_WALLET);
        }
        return move(payer, from, vintage -> wallets.vintage(to, vintage), amountInput, note,
                "tr:" + intent + ":" + from.value());
    }

    /**
     * A coordinator of {@code group} sends from the group's wallet to a resident. Only that group's coordinators
     * may: anyone else is refused as if the wallet were not theirs to name ({@code NOT_ALLOWED}).
     */
    public Sent sendFromGroup(UserId coordinator, GroupId group, UserId toResident, String amountInput, String note,
                              String intent) {
        if (!groups.isCoordinator(group, coordinator)) {
            return Sent.failed(PaymentError.NOT_ALLOWED);
        }
        PaymentError invalid = invalid(amountInput, note, intent);
        if (invalid != null) {
            return Sent.failed(invalid);
        }
        if (!isResident(toResident)) {
            return Sent.failed(PaymentError.RECIPIENT_NOT_FOUND);
        }
        WalletOwner recipient = WalletOwner.resident(toResident);
        return move(WalletOwner.group(group), coordinator, vintage -> wallets.vintage(recipient, vintage),
                amountInput, note, "gtr:" + intent + ":" + group.value());
    }

    /**
     * A coordinator of {@code group} gives the group's points to the fund: every vintage taken lands in the fund's
     * one points account, in an entry of kind {@code TRANSFER} (not {@code EXPIRE}: the group chose to give them).
     * The key is the form's intent and the group, so a retried form gives once. Anyone who does not coordinate the
     * group is refused ({@code NOT_ALLOWED}).
     */
    public Sent donateFromGroup(UserId coordinator, GroupId group, String amountInput, String intent) {
        if (!groups.isCoordinator(group, coordinator)) {
            return Sent.failed(PaymentError.NOT_ALLOWED);
        }
        PaymentError invalid = invalid(amountInput, "", intent);
        if (invalid != null) {
            return Sent.failed(invalid);
        }
        AccountId fund = wallets.fundPoints();
        return move(WalletOwner.group(group), coordinator, vintage -> fund, amountInput, "",
                DONATION_KEY_PREFIX + intent + ":" + group.value());
    }

    /** What is wrong with the form, first thing first; {@code null} when it can be sent. */
    static PaymentError invalid(String amountInput, String note, String intent) {
        AmountInput.Parsed parsed = AmountInput.parse(amountInput);
        if (!parsed.ok()) {
            return parsed.error();
        }
        String memo = note == null ? "" : note.strip();
        if (memo.length() > NOTE_LENGTH_MAX) {
            return PaymentError.NOTE_TOO_LONG;
        }
        if (!DisplayText.note(memo)) {
            return PaymentError.NOTE_INVALID;
        }
        if (intent == null || !Cashier.INTENT.matcher(intent).matches()) {
            return PaymentError.QR_MALFORMED;
        }
        return null;
    }

    /** Moves a checked form's points ({@link #invalid} found nothing wrong). */
    private Sent move(WalletOwner payer, UserId actor, Spender.Destination recipient, String amountInput, String note,
                      String key) {
        AmountInput.Parsed parsed = AmountInput.parse(amountInput);
        String memo = note == null ? "" : note.strip();
        if (!wallets.exists(payer)) {
            return Sent.failed(PaymentError.PAYER_NOT_FOUND);
        }
        // a wallet's points keep their vintage (each leg lands in the recipient's account of the same month)
        PostResult result = spender.take(payer, parsed.amount(), recipient, new EntryKey(key), EntryKind.TRANSFER,
                actor.journalActor(), memo, null);
        if (!result.onTheBooks()) {
            return Sent.failed(result.code() == ResultCode.INSUFFICIENT_FUNDS ? PaymentError.INSUFFICIENT_FUNDS
                    : PaymentError.LEDGER_REFUSED);
        }
        return new Sent(result.sequence(), null, result.code() == ResultCode.ALREADY_POSTED);
    }

    private boolean isResident(UserId userId) {
        return users.findById(userId).filter(u -> u.role() == Role.RESIDENT).isPresent();
    }
}
