package kyodo.wallet.bench;

import kyodo.ledger.calendar.FiscalYear;
import kyodo.ledger.EntryKey;
import kyodo.wallet.account.WalletOwner;
import kyodo.wallet.earning.IssuanceBudget;
import kyodo.wallet.earning.Issuer;
import org.springframework.context.ApplicationContext;

import java.time.LocalDate;
import java.time.ZoneId;

/** Points for the benchmarks' residents, issued the way the ward issues them: from this fiscal year's budget. */
final class Issuance {
    private Issuance() {
    }

    static void fund(ApplicationContext app, WalletOwner owner, long points, String key) {
        FiscalYear year = FiscalYear.containing(java.time.Instant.now());
        if (!app.getBean(IssuanceBudget.class).raise(year, points, "bench", key + ":budget").onTheBooks()) {
            throw new IllegalStateException("could not raise the issuance budget for " + key);
        }
        if (!app.getBean(Issuer.class).issue(owner, points, new EntryKey(key), Issuer.ISSUE, "bench", "bench points",
                null).onTheBooks()) {
            throw new IllegalStateException("could not issue " + points + " pt for " + key);
        }
    }
}
