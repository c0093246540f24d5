package kyodo.wallet.account;

import kyodo.ledger.AccountId;
import kyodo.ledger.HistoryLine;
import kyodo.ledger.HistoryPage;
import kyodo.ledger.Ledger;
import kyodo.wallet.KyodoApplication;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a wallet's month as pages, newest first. The ledger answers oldest first, so a month is read (up to
 * {@link HistoryPage#LIMIT_MAX} lines at a time) and turned around; a busier month continues with {@code after}.
 */
@Component
public class Statements {
    public static final int PAGE_SIZE = 20;
    public static final int PAGE_MAX = HistoryPage.LIMIT_MAX / PAGE_SIZE;

    private final Ledger ledger;
    private final Wallets wallets;
    private final CounterpartyNames names;

    public Statements(Ledger ledger, Wallets wallets, CounterpartyNames names) {
        this.ledger = ledger;
        this.wallets = wallets;
        this.names = names;
    }

    public Statement of(WalletOwner owner, YearMonth month, int page, long after) {
        AccountId account = wallets.find(owner).orElseThrow(() -> new IllegalStateException("no wallet for " + owner));
        int safePage = Math.max(0, Math.min(page, PAGE_MAX - 1));
        Instant from = month.atDay(1).atStartOfDay(KyodoApplication.WARD_ZONE).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(KyodoApplication.WARD_ZONE).toInstant();
        HistoryPage read = ledger.history(account, from, to, Math.max(0, after), HistoryPage.LIMIT_MAX);
        List<HistoryLine> newestFirst = new ArrayList<>(read.lines());
        java.util.Collections.reverse(newestFirst);
        int start = Math.min(safePage * PAGE_SIZE, newestFirst.size());
        int end = Math.min(start + PAGE_SIZE, newestFirst.size());
        List<StatementLine> lines = new ArrayList<>(end - start);
        for (HistoryLine line : newestFirst.subList(start, end)) {
            lines.add(new StatementLine(line.sequence(), line.postedAt(), line.kind().code(),
                    names.nameOf(line.counterparty()), line.postedChange(), line.pendingChange(), line.memo()));
        }
        return new Statement(ledger.balance(account).orElseThrow(), month, lines, safePage,
                end < newestFirst.size(), read.nextAfter());
    }
}
