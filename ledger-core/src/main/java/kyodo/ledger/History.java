package kyodo.ledger;

import java.util.ArrayList;
import java.util.List;

/** How a journal entry reads from one account's side; shared by both ledgers' history queries. */
public final class History {
    private History() {
    }

    /** The lines of {@code entry} that touch {@code account}, in leg order. */
    public static List<HistoryLine> linesOf(JournalEntry entry, Account account) {
        List<HistoryLine> lines = new ArrayList<>(1);
        for (JournalLeg leg : entry.legs()) {
            boolean debit = leg.debit().equals(account.id());
            if (!debit && !leg.credit().equals(account.id())) {
                continue;
            }
            lines.add(line(entry, leg, account, debit));
        }
        return lines;
    }

    private static HistoryLine line(JournalEntry entry, JournalLeg leg, Account account, boolean debit) {
        Totals effect = debit ? leg.debitEffect() : leg.creditEffect();
        boolean debitNormal = account.kind().debitNormal();
        long posted = debitNormal ? effect.debitsPosted() - effect.creditsPosted()
                : effect.creditsPosted() - effect.debitsPosted();
        long pending = debitNormal ? effect.debitsPending() - effect.creditsPending()
                : effect.creditsPending() - effect.debitsPending();
        return new HistoryLine(entry.sequence(), leg.index(), entry.key(), entry.kind(), entry.postedAt(),
                entry.memo(), leg.kind(), debit ? leg.credit() : leg.debit(), posted, pending, account.id());
    }

    /** The lines of {@code entry} on any of {@code accounts}, in leg order (debit side first). */
    public static List<HistoryLine> linesOf(JournalEntry entry, java.util.Map<AccountId, Account> accounts) {
        List<HistoryLine> lines = new ArrayList<>(1);
        for (JournalLeg leg : entry.legs()) {
            for (AccountId side : new AccountId[] {leg.debit(), leg.credit()}) {
                Account account = accounts.get(side);
                if (account != null) {
                    lines.add(line(entry, leg, account, side.equals(leg.debit())));
                }
            }
        }
        return lines;
    }

    /** Clamps a caller's page size into {@code 1..HistoryPage.LIMIT_MAX}. */
    public static int clampLimit(int limit) {
        return Math.max(1, Math.min(limit, HistoryPage.LIMIT_MAX));
    }
}
