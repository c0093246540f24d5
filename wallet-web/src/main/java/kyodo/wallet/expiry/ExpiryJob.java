package kyodo.wallet.expiry;

import kyodo.ledger.Account;
import kyodo.ledger.AccountId;
import kyodo.ledger.AccountResult;
import kyodo.ledger.Amount;
import kyodo.ledger.EntryKey;
import kyodo.ledger.EntryKind;
import kyodo.ledger.EntryRequest;
import kyodo.ledger.Leg;
import kyodo.ledger.Ledger;
import kyodo.ledger.PostResult;
import kyodo.ledger.ResultCode;
import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.wallet.account.PointsProperties;
import kyodo.wallet.account.VintageAccount;
import kyodo.wallet.account.VintageAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * Sweeps expired vintages: each resident or group vintage account past its expiry that still holds points gives
 * its whole balance to {@code expired:pt} (or {@code fund:pt} by policy) in an entry of kind {@code EXPIRE}. The
 * key names the account and its credit total at the time, so two runs at once (or in two processes) post one
 * entry, a second run finds nothing left, and points that arrive later in an expired vintage (a transfer decided
 * at the expiry instant) are swept by the next run under a new key. Points are unspendable from the expiry instant
 * whether or not the job has run (see {@code Wallets.spendable}); the job only makes the books say so.
 */
@Component
public class ExpiryJob {
    public static final EntryKind EXPIRE = EntryKind.EXPIRE;
    public static final String ACTOR = "job:points-expiry";
    /** Bounds one run; the next run continues. */
    public static final int ACCOUNTS_PER_RUN_MAX = 20_000;
    private static final Logger log = LoggerFactory.getLogger(ExpiryJob.class);

    private final Ledger ledger;
    private final VintageAccounts vintageAccounts;
    private final PointsProperties points;
    private final Clock clock;

    public ExpiryJob(Ledger ledger, VintageAccounts vintageAccounts, PointsProperties points, Clock clock) {
        this.ledger = ledger;
        this.vintageAccounts = vintageAccounts;
        this.points = points;
        this.clock = clock;
    }

    /** What a run did. */
    public record Run(int vintagesSwept, long pointsExpired, int alreadySwept) {
    }

    /** Every night shortly after midnight in the ward (vintages expire at midnight at the end of a month). */
    @Scheduled(cron = "${kyodo.points.expiry-cron:0 5 0 * * *}", zone = BusinessCalendar.ZONE_ID)
    public void nightly() {
        Run run = run();
        if (run.vintagesSwept() > 0) {
            log.info("points expiry: {} vintages, {} pt", run.vintagesSwept(), run.pointsExpired());
        }
    }

    public Run run() {
        return run(clock.instant());
    }

    /** Sweeps what has expired at {@code now}. */
    public Run run(Instant now) {
        YearMonth lastExpired = points.lastExpiredVintage(now);
        AccountId target = target();
        int swept = 0;
        int already = 0;
        long expired = 0;
        int seen = 0;
        while (seen < ACCOUNTS_PER_RUN_MAX) {
            List<VintageAccount> batch = vintageAccounts.expiredWithBalance(lastExpired, VintageAccounts.SWEEP_BATCH_MAX);
            if (batch.isEmpty()) {
                break;
            }
            int progress = 0;
            for (VintageAccount vintage : batch) {
                seen++;
                PostResult result = ledger.post(new EntryRequest(
                        new EntryKey("expire:" + vintage.code() + ":" + vintage.credited()), EXPIRE, ACTOR,
                        "points of " + vintage.month() + " expired", null,
                        List.of(Leg.transfer(vintage.id(), target, Amount.pt(vintage.available())))));
                if (result.code() == ResultCode.POSTED) {
                    swept++;
                    progress++;
                    expired = Math.addExact(expired, vintage.available());
                } else if (result.code() == ResultCode.ALREADY_POSTED
                        || result.code() == ResultCode.KEY_REUSED_WITH_DIFFERENT_REQUEST
                        || result.code() == ResultCode.INSUFFICIENT_FUNDS) {
                    // another run swept it between our read and our post
                    already++;
                } else {
                    throw new IllegalStateException("expiry of " + vintage.code() + " refused: " + result.code());
                }
            }
            if (progress == 0) {
                break;
            }
        }
        return new Run(swept, expired, already);
    }

    private AccountId target() {
        String code = points.expiredTo().accountCode();
        AccountResult opened = ledger.open(points.expiredTo().spec());
        if (opened.ok()) {
            return opened.account().id();
        }
        return ledger.account(code).map(Account::id)
                .orElseThrow(() -> new IllegalStateException("cannot open " + code + ": " + opened.code()));
    }
}
