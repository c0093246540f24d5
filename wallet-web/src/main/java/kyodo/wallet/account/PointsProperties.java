package kyodo.wallet.account;

import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.ledger.AccountClass;
import kyodo.ledger.AccountKind;
import kyodo.ledger.AccountOwner;
import kyodo.ledger.AccountPurpose;
import kyodo.ledger.AccountSpec;
import kyodo.ledger.Asset;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * {@code kyodo.points.*}: how long points live and where they go when they expire. A vintage {@code yyyy-MM}
 * (the month the points were issued, in the ward's time zone) expires at the end of the last day of month
 * {@code yyyy-MM + expiryMonths}: points issued in 2026-09 with 6 months live until 2027-03-31 24:00 JST.
 *
 * @param expiryMonths  months after the month of issuance
 * @param expiredTo     {@code EXPIRED} ({@code expired:pt}) or {@code FUND} ({@code fund:pt}, donated to the fund)
 * @param reminderDays  the wallet page warns about points expiring within this many days
 */
@ConfigurationProperties("kyodo.points")
public record PointsProperties(@DefaultValue("6") int expiryMonths, @DefaultValue("EXPIRED") ExpiredTo expiredTo,
                               @DefaultValue("30") int reminderDays) {
    public static final int EXPIRY_MONTHS_MAX = 120;

    /** Where expired points go. */
    public enum ExpiredTo {
        EXPIRED("expired:pt", AccountClass.of(AccountOwner.WARD, AccountPurpose.EXPIRED)),
        FUND("fund:pt", AccountClass.of(AccountOwner.FUND, AccountPurpose.DONATED_POINTS));

        private final String accountCode;
        private final AccountClass accountClass;

        ExpiredTo(String accountCode, AccountClass accountClass) {
            this.accountCode = accountCode;
            this.accountClass = accountClass;
        }

        public String accountCode() {
            return accountCode;
        }

        /** What the account is, for the books' queries: the ward's expired points, or the fund's points. */
        public AccountClass accountClass() {
            return accountClass;
        }

        /** The account that expired points go to. */
        public AccountSpec spec() {
            return AccountSpec.of(accountCode, Asset.PT, AccountKind.EQUITY, accountClass);
        }
    }

    public PointsProperties {
        if (expiryMonths < 1 || expiryMonths > EXPIRY_MONTHS_MAX) {
            throw new IllegalArgumentException("kyodo.points.expiry-months must be in 1.." + EXPIRY_MONTHS_MAX
                    + ", was " + expiryMonths);
        }
        if (expiredTo == null) {
            throw new IllegalArgumentException("kyodo.points.expired-to must be EXPIRED or FUND");
        }
        if (reminderDays < 0 || reminderDays > 366) {
            throw new IllegalArgumentException("kyodo.points.reminder-days must be in 0..366, was " + reminderDays);
        }
    }

    public static PointsProperties defaults() {
        return new PointsProperties(6, ExpiredTo.EXPIRED, 30);
    }

    /** The last day the vintage's points can be spent (Asia/Tokyo). */
    public LocalDate lastDay(YearMonth vintage) {
        return vintage.plusMonths(expiryMonths).atEndOfMonth();
    }

    /** The instant the vintage's points stop being spendable: midnight after {@link #lastDay}, Asia/Tokyo. */
    public Instant expiresAt(YearMonth vintage) {
        return lastDay(vintage).plusDays(1).atStartOfDay(BusinessCalendar.ZONE).toInstant();
    }

    public boolean expired(YearMonth vintage, Instant now) {
        return !now.isBefore(expiresAt(vintage));
    }

    /** The newest vintage that has expired at {@code now}. */
    public YearMonth lastExpiredVintage(Instant now) {
        YearMonth current = BusinessCalendar.monthOf(now);
        YearMonth candidate = current.minusMonths(expiryMonths);
        return expired(candidate, now) ? candidate : candidate.minusMonths(1);
    }
}
