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
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a wallet's month as pages, newest first, one line per ledger entry: a payment that took points from three
 * vintages is one line of the sum. Each of the wallet's accounts is read (up to {@link HistoryPage#LIMIT_MAX}
 * lines at a time, oldest first) and merged by sequence; a busier month continues with {@code after}.
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
        List<VintageAccount> accounts = wallets.vintages(owner);
        if (accounts.isEmpty()) {
            throw new IllegalStateException("no wallet for " + owner);
        }
        int safePage = Math.max(0, Math.min(page, PAGE_MAX - 1));
        Instant from = month.atDay(1).atStartOfDay(KyodoApplication.WARD_ZONE).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(KyodoApplication.WARD_ZONE).toInstant();
        Set<AccountId> own = new HashSet<>();
        accounts.forEach(a -> own.add(a.id()));
        // Entries are complete up to the lowest sequence at which some account's read stopped short.
        long horizon = Long.MAX_VALUE;
        TreeMap<Long, List<HistoryLine>> bySequence = new TreeMap<>();
        for (VintageAccount account : accounts) {
            HistoryPage read = ledger.history(account.id(), from, to, Math.max(0, after), HistoryPage.LIMIT_MAX);
            for (HistoryLine line : read.lines()) {
                bySequence.computeIfAbsent(line.sequence(), s -> new ArrayList<>()).add(line);
            }
            if (read.nextAfter() != 0) {
                horizon = Math.min(horizon, read.nextAfter());
            }
        }
        List<StatementLine> entries = new ArrayList<>();
        for (Map.Entry<Long, List<HistoryLine>> e : bySequence.headMap(horizon, true).entrySet()) {
            if (entries.size() == HistoryPage.LIMIT_MAX) {
                horizon = e.getKey() - 1;
                break;
            }
            entries.add(line(e.getValue(), own));
        }
        long nextAfter = horizon == Long.MAX_VALUE ? 0 : horizon;
        Collections.reverse(entries);
        int start = Math.min(safePage * PAGE_SIZE, entries.size());
        int end = Math.min(start + PAGE_SIZE, entries.size());
        return new Statement(wallets.balance(owner), month, List.copyOf(entries.subList(start, end)), safePage,
                end < entries.size(), nextAfter);
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
        return new StatementLine(first.sequence(), first.postedAt(), first.kind().code(), names.nameOf(counterparty),
                posted, pending, first.memo());
    }
}
