package kyodo.wallet.voucher;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.ledger.calendar.FiscalYear;
import kyodo.fund.access.UserId;
import kyodo.ledger.AccountId;
import kyodo.ledger.Amount;
import kyodo.ledger.EntryKey;
import kyodo.ledger.EntryKind;
import kyodo.ledger.EntryRequest;
import kyodo.ledger.Leg;
import kyodo.ledger.Ledger;
import kyodo.ledger.PostResult;
import kyodo.ledger.ResultCode;
import kyodo.wallet.account.WalletOwner;
import kyodo.wallet.account.Wallets;
import kyodo.wallet.qr.Opened;
import kyodo.wallet.qr.TokenRejection;
import kyodo.wallet.user.Merchant;
import kyodo.wallet.user.MerchantId;
import kyodo.wallet.user.Merchants;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Issues, redeems and expires paper vouchers. Issuing posts first (budget → outstanding, refused by the books
 * beyond the budget) and then records the vouchers, both keyed by the staff member's intent, so a retry completes
 * the same batch. Redemption and expiry change the voucher's row first (one conditional update: the winner
 * decides) and then post under a key derived from the serial; a crash in between is finished by
 * {@link #finishPostings()}, which every expiry run calls.
 */
@Component
public class VoucherDesk {
    public static final long DENOMINATION_MAX = 100_000;
    public static final int COUNT_MAX = 1_000;
    /** How far ahead an expiry date may be: vouchers are meant to circulate, not to be saved. */
    public static final int EXPIRY_YEARS_MAX = 3;
    /** The staff member's intent for one issue: 16..32 of [A-Za-z0-9_-] (a form's nonce). */
    public static final Pattern INTENT = Pattern.compile("[A-Za-z0-9_-]{16,32}");
    static final EntryKind VOUCHER_ISSUE = new EntryKind("VOUCHER_ISSUE");
    static final EntryKind VOUCHER_REDEEM = new EntryKind("VOUCHER_REDEEM");
    /** The kind of the entry by which a voucher's points expire (the points report counts it as expiry). */
    public static final EntryKind VOUCHER_EXPIRE = new EntryKind("VOUCHER_EXPIRE");
    private static final int POSTING_CHUNK = 500;

    private final Ledger ledger;
    private final VoucherAccounts accounts;
    private final Wallets wallets;
    private final Merchants merchants;
    private final VoucherBatches batches;
    private final Vouchers vouchers;
    private final VoucherQr qr;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final JsonMapper json;

    public VoucherDesk(Ledger ledger, VoucherAccounts accounts, Wallets wallets, Merchants merchants,
                       VoucherBatches batches, Vouchers vouchers, VoucherQr qr, TransactionTemplate transaction,
                       Clock clock, JsonMapper json) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.wallets = wallets;
        this.merchants = merchants;
        this.batches = batches;
        this.vouchers = vouchers;
        this.qr = qr;
        this.transaction = transaction;
        this.clock = clock;
        this.json = json;
    }

    /** What the books keep with a batch's issue. */
    @JsonPropertyOrder({"denomination", "count", "expires_on"})
    record IssueMetadata(long denomination, int count, @JsonProperty("expires_on") String expiresOn) {
    }

    public record Issued(VoucherBatch batch, VoucherError error) {
        public boolean ok() {
            return error == null;
        }
    }

    public record Redeemed(Voucher voucher, VoucherError error) {
        public boolean ok() {
            return error == null;
        }
    }

    LocalDate today() {
        return BusinessCalendar.dayOf(clock.instant());
    }

    /** Staff issue {@code count} vouchers of {@code denomination} points, valid through {@code expiresOn}. */
    public Issued issue(UserId staffId, String denominationInput, String countInput, String expiresOnInput,
                        String intent) {
        long denomination;
        int count;
        try {
            denomination = Long.parseLong(denominationInput == null ? "" : denominationInput.strip());
        } catch (NumberFormatException e) {
            return new Issued(null, VoucherError.DENOMINATION_INVALID);
        }
        try {
            count = Integer.parseInt(countInput == null ? "" : countInput.strip());
        } catch (NumberFormatException e) {
            return new Issued(null, VoucherError.COUNT_INVALID);
        }
        LocalDate expiresOn;
        try {
            expiresOn = LocalDate.parse(expiresOnInput == null ? "" : expiresOnInput.strip());
        } catch (DateTimeParseException e) {
            return new Issued(null, VoucherError.EXPIRY_INVALID);
        }
        return issue(staffId, denomination, count, expiresOn, intent);
    }

    public Issued issue(UserId staffId, long denomination, int count, LocalDate expiresOn, String intent) {
        if (denomination <= 0 || denomination > DENOMINATION_MAX) {
            return new Issued(null, VoucherError.DENOMINATION_INVALID);
        }
        if (count <= 0 || count > COUNT_MAX) {
            return new Issued(null, VoucherError.COUNT_INVALID);
        }
        LocalDate today = today();
        if (expiresOn == null) {
            return new Issued(null, VoucherError.EXPIRY_INVALID);
        }
        if (!expiresOn.isAfter(today)) {
            return new Issued(null, VoucherError.EXPIRY_NOT_IN_FUTURE);
        }
        if (expiresOn.isAfter(today.plusYears(EXPIRY_YEARS_MAX))) {
            return new Issued(null, VoucherError.EXPIRY_TOO_FAR);
        }
        if (intent == null || !INTENT.matcher(intent).matches()) {
            return new Issued(null, VoucherError.INTENT_INVALID);
        }
        String key = "voucher:issue:" + intent;
        Optional<VoucherBatch> earlier = batches.findByEntryKey(key);
        if (earlier.isPresent()) {
            return new Issued(earlier.get(), null);
        }
        int fiscalYear = FiscalYear.containing(today).year();
        Optional<AccountId> budget = accounts.budget(fiscalYear);
        if (budget.isEmpty()) {
            return new Issued(null, VoucherError.NO_BUDGET);
        }
        long total = Math.multiplyExact(denomination, (long) count);
        PostResult posted = ledger.post(new EntryRequest(new EntryKey(key), VOUCHER_ISSUE,
                staffId.journalActor(), "紙券発行 " + denomination + " pt × " + count,
                json.writeValueAsString(new IssueMetadata(denomination, count, expiresOn.toString())),
                List.of(Leg.transfer(budget.get(), accounts.outstanding(), Amount.pt(total)))));
        if (!posted.onTheBooks()) {
            return new Issued(null, posted.code() == ResultCode.INSUFFICIENT_FUNDS ? VoucherError.BUDGET_EXCEEDED
                    : VoucherError.LEDGER_REFUSED);
        }
        VoucherBatch batch = transaction.execute(status -> {
            Optional<Long> id = batches.insert(denomination, count, expiresOn, fiscalYear, key, staffId,
                    clock.instant());
            if (id.isPresent()) {
                List<VoucherSerial> serials = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    serials.add(VoucherSerial.random());
                }
                vouchers.insertAll(id.get(), denomination, expiresOn, serials);
            }
            return batches.findByEntryKey(key).orElseThrow();
        });
        return new Issued(batch, null);
    }

    /** The printable A4 sheet of a batch's vouchers, each with its signed QR. */
    public Optional<byte[]> sheet(long batchId) {
        return batches.findById(batchId).map(batch -> VoucherSheet.pdf("紙券 " + batch.denomination() + " pt × "
                + batch.count(), vouchers.ofBatch(batchId).stream()
                .map(v -> new VoucherSheet.Printed(v.serial(), v.amount(), v.expiresOn().toString(),
                        qr.token(v.serial(), v.amount(), v.expiresOn())))
                .toList()));
    }

    /** What a merchant's scanner read (a voucher QR) or what was typed (a serial): redeemed once, or why not. */
    public Redeemed redeem(MerchantId merchantId, String scannedOrTyped) {
        Optional<Merchant> merchant = merchants.findById(merchantId);
        if (merchant.isEmpty()) {
            return new Redeemed(null, VoucherError.MERCHANT_NOT_FOUND);
        }
        if (!merchant.get().approved()) {
            return new Redeemed(null, VoucherError.MERCHANT_NOT_APPROVED);
        }
        String input = scannedOrTyped == null ? "" : scannedOrTyped.strip();
        if (input.isEmpty()) {
            return new Redeemed(null, VoucherError.VOUCHER_MISSING);
        }
        VoucherQr.Printed printed = null;
        VoucherSerial serial;
        if (input.contains(".")) {
            Opened<VoucherQr.Printed> opened = qr.open(input);
            if (!opened.ok()) {
                return new Redeemed(null, opened.rejection() == TokenRejection.BAD_SIGNATURE
                        ? VoucherError.VOUCHER_FORGED : VoucherError.VOUCHER_MALFORMED);
            }
            printed = opened.value();
            serial = printed.serial();
        } else {
            Optional<VoucherSerial> typed = VoucherSerial.parse(input);
            if (typed.isEmpty()) {
                return new Redeemed(null, VoucherError.VOUCHER_MALFORMED);
            }
            serial = typed.get();
        }
        Optional<Voucher> found = vouchers.find(serial);
        if (found.isEmpty()) {
            return new Redeemed(null, VoucherError.VOUCHER_UNKNOWN);
        }
        Voucher voucher = found.get();
        if (printed != null && (printed.amount() != voucher.amount()
                || !printed.expiresOn().equals(voucher.expiresOn()))) {
            return new Redeemed(null, VoucherError.VOUCHER_FORGED);
        }
        LocalDate today = today();
        if (voucher.state() == VoucherState.OUTSTANDING && voucher.expiresOn().isBefore(today)) {
            return new Redeemed(voucher, VoucherError.VOUCHER_EXPIRED);
        }
        if (voucher.state() == VoucherState.OUTSTANDING) {
            String key = "voucher:redeem:" + serial.value();
            if (vouchers.claimForRedemption(serial, merchantId, key, clock.instant(), today) == 1) {
                Voucher claimed = vouchers.find(serial).orElseThrow();
                return post(claimed) ? new Redeemed(vouchers.find(serial).orElseThrow(), null)
                        : new Redeemed(claimed, VoucherError.LEDGER_REFUSED);
            }
            voucher = vouchers.find(serial).orElseThrow();
        }
        return new Redeemed(voucher, voucher.state() == VoucherState.EXPIRED ? VoucherError.VOUCHER_EXPIRED
                : VoucherError.VOUCHER_ALREADY_REDEEMED);
    }

    /**
     * Expires every outstanding voucher past its date (its value goes to {@code expired:pt}) and finishes any posting
     * left undone; returns how many vouchers expired in this run. Safe to run twice or at once: the second finds
     * nothing to claim and every posting has its voucher's key.
     */
    public int expire() {
        int expired = vouchers.claimExpired(clock.instant(), today());
        finishPostings();
        return expired;
    }

    /** Posts the entries of vouchers whose state changed but whose entry was not confirmed; returns how many. */
    public int finishPostings() {
        int done = 0;
        while (true) {
            List<Voucher> pending = vouchers.unposted(POSTING_CHUNK);
            if (pending.isEmpty()) {
                return done;
            }
            List<EntryRequest> requests = pending.stream().map(this::entryOf).toList();
            List<PostResult> results = ledger.postAll(requests);
            int progress = 0;
            for (int i = 0; i < pending.size(); i++) {
                if (results.get(i).onTheBooks()) {
                    vouchers.markPosted(pending.get(i).serial());
                    progress++;
                }
            }
            done += progress;
            if (progress < pending.size()) {
                // something the books refuse (a bug, not a race): stop rather than loop; the rest waits for the next run
                return done;
            }
        }
    }

    private boolean post(Voucher voucher) {
        if (ledger.post(entryOf(voucher)).onTheBooks()) {
            vouchers.markPosted(voucher.serial());
            return true;
        }
        return false;
    }

    private EntryRequest entryOf(Voucher voucher) {
        AccountId outstanding = accounts.outstanding();
        return switch (voucher.state()) {
            case REDEEMED -> new EntryRequest(new EntryKey(voucher.entryKey()), VOUCHER_REDEEM,
                    "merchant:" + voucher.merchantId().value(), "紙券 " + voucher.serial().grouped(), null,
                    List.of(Leg.transfer(outstanding, wallets.open(WalletOwner.merchant(voucher.merchantId())),
                            Amount.pt(voucher.amount()))));
            case EXPIRED -> new EntryRequest(new EntryKey(voucher.entryKey()), VOUCHER_EXPIRE, "system",
                    "紙券 期限切れ " + voucher.serial().grouped(), null,
                    List.of(Leg.transfer(outstanding, accounts.expired(), Amount.pt(voucher.amount()))));
            case OUTSTANDING -> throw new IllegalArgumentException("an outstanding voucher has no entry");
        };
    }
}
