package kyodo.ledger.journal.export;

import kyodo.ledger.Account;
import kyodo.ledger.AccountKind;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.JournalLeg;
import kyodo.ledger.calendar.BusinessCalendar;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The journal as a Beancount file. Beancount wants account names under one of its five roots, each component
 * starting with a capital letter or digit and holding only letters, digits and '-': the account kind picks the
 * root and the code's colon-separated parts become components (other characters become '-'; a name that
 * would collide gets the account id appended). Every account is opened on the earliest date of the file.
 */
public final class BeancountExport extends PlainTextBooks {
    private BeancountExport(List<Account> accounts) {
        super(accounts, BeancountExport::accountName);
    }

    public static void write(ExportSource source, Writer out) throws IOException {
        BeancountExport books = new BeancountExport(source.accounts());
        out.write("; Kyodo ledger " + source.ledger().value() + ", entries 1.." + source.size()
                + ". Pending holds and voids are comments: only posted effects are postings.\n");
        out.write("option \"title\" \"Kyodo ledger " + source.ledger().value() + "\"\n");
        Set<String> commodities = new LinkedHashSet<>();
        LocalDate opened = null;
        for (Account account : source.accounts()) {
            commodities.add(account.asset().code());
            LocalDate date = BusinessCalendar.dayOf(account.openedAt());
            opened = opened == null || date.isBefore(opened) ? date : opened;
        }
        List<JournalEntry> first = source.size() == 0 ? List.of() : source.entries(1, 1);
        if (!first.isEmpty() && (opened == null || date(first.get(0)).isBefore(opened))) {
            opened = date(first.get(0));
        }
        out.write("\n");
        for (String commodity : commodities) {
            out.write(opened + " commodity " + commodity + "\n");
        }
        for (Account account : source.accounts()) {
            out.write(opened + " open " + books.name(account.id().value()) + " " + account.asset().code() + "\n");
        }
        out.write("\n");
        books.writeEntries(source, out);
        out.flush();
    }

    static String accountName(Account account) {
        StringBuilder name = new StringBuilder(root(account.kind()));
        for (String part : account.code().split(":", -1)) {
            StringBuilder component = new StringBuilder(part.length() + 1);
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                boolean plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
                component.append(plain ? c : '-');
            }
            if (component.length() == 0 || !(Character.isLetterOrDigit(component.charAt(0)))) {
                component.insert(0, 'X');
            }
            component.setCharAt(0, Character.toUpperCase(component.charAt(0)));
            name.append(':').append(component);
        }
        return name.toString();
    }

    private static String root(AccountKind kind) {
        return switch (kind) {
            case ASSET -> "Assets";
            case LIABILITY -> "Liabilities";
            case EQUITY -> "Equity";
            case INCOME -> "Income";
            case EXPENSE -> "Expenses";
        };
    }

    private static String quoted(String text) {
        return "\"" + oneLine(text).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    void writeEntry(JournalEntry entry, Writer out) throws IOException {
        boolean anyPosting = entry.legs().stream().anyMatch(PlainTextBooks::moves);
        StringBuilder text = new StringBuilder(256);
        String comment = anyPosting ? "  ; " : "; ";
        text.append(anyPosting ? "" : "; ").append(date(entry)).append(" * ").append(quoted(entry.actor())).append(' ')
                .append(quoted(entry.kind().code() + " " + entry.key().value()
                        + (entry.memo().isEmpty() ? "" : ": " + entry.memo()))).append('\n');
        if (anyPosting) {
            text.append("  kyodo-seq: ").append(entry.sequence()).append('\n');
        }
        for (JournalLeg leg : entry.legs()) {
            if (moves(leg)) {
                text.append("  ").append(name(leg.debit().value())).append("  ").append(amount(leg.amount(), leg))
                        .append('\n');
                text.append("  ").append(name(leg.credit().value())).append("  ").append(amount(-leg.amount(), leg))
                        .append('\n');
            } else {
                text.append(comment).append(leg.kind().name().toLowerCase()).append(" leg ").append(leg.index())
                        .append(": ").append(name(leg.debit().value())).append(" -> ")
                        .append(name(leg.credit().value())).append(' ').append(amount(leg.amount(), leg))
                        .append(" (no posted effect)\n");
            }
        }
        text.append('\n');
        out.write(text.toString());
    }
}
