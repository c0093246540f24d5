package kyodo.ledger.journal.export;

import kyodo.ledger.Account;
import kyodo.ledger.Asset;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.JournalLeg;
import kyodo.ledger.LegKind;
import kyodo.ledger.calendar.BusinessCalendar;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What the hledger and Beancount exports share: business dates in Asia/Tokyo, amounts as decimals of the
 * asset's scale, unique account names, and the rule that only posted effects become postings. A pending hold
 * ({@code H}) and a void ({@code V}) move no posted money, so they are written as comments; a post of a
 * pending ({@code C}) moves {@code amount} like a plain posted leg. The tools' balances then equal the
 * ledger's posted balances (debits − credits).
 */
abstract class PlainTextBooks {

    private final Map<Long, Account> accounts = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();

    PlainTextBooks(List<Account> accountList, Function<Account, String> naming) {
        Set<String> taken = new HashSet<>();
        for (Account account : accountList) {
            accounts.put(account.id().value(), account);
            String name = naming.apply(account);
            if (!taken.add(name)) {
                name = name + "-" + account.id().value();
                taken.add(name);
            }
            names.put(account.id().value(), name);
        }
    }

    final String name(long accountId) {
        String name = names.get(accountId);
        if (name == null) {
            throw new IllegalStateException("leg refers to account " + accountId + ", which the export does not have");
        }
        return name;
    }

    final Account account(long accountId) {
        return accounts.get(accountId);
    }

    static LocalDate date(JournalEntry entry) {
        return BusinessCalendar.dayOf(entry.postedAt());
    }

    static boolean moves(JournalLeg leg) {
        return leg.kind() == LegKind.POSTED || leg.kind() == LegKind.POST_PENDING;
    }

    final String amount(long minor, JournalLeg leg) {
        Account account = accounts.get(leg.debit().value());
        int scale = account == null ? leg.asset().scale() : account.asset().scale();
        return BigDecimal.valueOf(minor).movePointLeft(scale).toPlainString() + " " + leg.asset().code();
    }

    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        return out.toString();
    }

    static String assetCode(Asset asset) {
        return asset.code();
    }

    /** Writes every entry of {@code source}, page by page. */
    final void writeEntries(ExportSource source, Writer out) throws IOException {
        for (long from = 1; from <= source.size(); from += ExportSource.PAGE_ENTRIES) {
            long to = Math.min(source.size(), from + ExportSource.PAGE_ENTRIES - 1);
            for (JournalEntry entry : source.entries(from, to)) {
                writeEntry(entry, out);
            }
        }
    }

    abstract void writeEntry(JournalEntry entry, Writer out) throws IOException;
}
