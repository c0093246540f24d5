package kyodo.wallet.account;

import kyodo.ledger.AccountId;
import kyodo.ledger.HistoryLine;
import kyodo.ledger.HistoryPage;
import kyodo.ledger.Ledger;
import kyodo.ledger.NewestFirstPage;
import kyodo.ledger.calendar.BusinessCalendar;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a wallet's month as pages, newest first, one line per ledger entry: a payment that took points from three
 * vintages is one line of the sum. The ledger reads the wallet's accounts together, newest entry first
 * ({@link Ledger#historyNewestFirst}); page {@code n} shows the {@code n}-th {@link #PAGE_SIZE} entries of the month
 * before {@code before} (0: from the month's end), and {@code nextBefore} continues a month busier than
 * {@link #PAGE_MAX} pages.
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

    public Statement of(WalletOwner owner, YearMonth month, int page, long before) {
        List<VintageAccount> accounts = wallets.vintages(owner);
        if (accounts.isEmpty()) {
            throw new IllegalStateException("no wallet for " + owner);
        }
        int safePage = Math.max(0, Math.min(page, PAGE_MAX - 1));
        Set<AccountId> own = new HashSet<>();
        accounts.forEach(a -> own.add(a.id()));
        // One entry more than the page needs tells whether an older page exists.
        int wanted = Math.min(HistoryPage.LIMIT_MAX, (safePage + 1) * PAGE_SIZE + 1);
        NewestFirstPage read = ledger.historyNewestFirst(own, BusinessCalendar.startOf(month),
                BusinessCalendar.startOf(month.plusMonths(1)), Math.max(0, before), wanted);
        Map<Long, List<HistoryLine>> bySequence = new LinkedHashMap<>();
        for (HistoryLine line : read.lines()) {
            bySequence.computeIfAbsent(line.sequence(), s -> new ArrayList<>()).add(line);
        }
        List<StatementLine> entries = new ArrayList<>();
        for (List<HistoryLine> legs : bySequence.values()) {
            entries.add(line(legs, own));
        }
        int start = Math.min(safePage * PAGE_SIZE, entries.size());
        int end = Math.min(start + PAGE_SIZE, entries.size());
        return new Statement(wallets.balance(owner), month, List.copyOf(entries.subList(start, end)), safePage,
                end < entries.size(), read.nextBefore());
    }
    /** One entry's legs on this wallet as one line: the changes summed, the first outside counterparty named. */
    private StatementLine line(List<HistoryLine> legs, Set<AccountId> own) {
        HistoryLine first = legs.get(0);
        long posted = 0;
        long pending = 0;
        Map<AccountId, Boolean> counterparties = new LinkedHashMap<>();
        for (HistoryLine leg : legs) {
            posted = Math.addExact(posted, leg.postedChange());
            pending = Math.addExact(pending, leg.pendingChange());
            if (!own.contains(leg.counterparty())) {
                counterparties.putIfAbsent(leg.counterparty(), true);
            }
        }
        AccountId counterparty = counterparties.isEmpty() ? first.counterparty()
                : counterparties.keySet().iterator().next();
        return new StatementLine(first.sequence(), first.postedAt(), first.kind().code(),
                names.nameOf(counterparty, first.kind()), posted, pending, first.memo());
    }
}
