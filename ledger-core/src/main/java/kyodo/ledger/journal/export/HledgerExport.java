package kyodo.ledger.journal.export;

import kyodo.ledger.Account;
import kyodo.ledger.AccountKind;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.JournalLeg;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The journal as an hledger journal: one transaction per entry (dated in Asia/Tokyo, the sequence as its code),
 * two postings per posted leg (debit positive, credit negative). Account names are the account codes, whose
 * colons hledger reads as a hierarchy; whitespace and characters that hledger treats specially become '_'. Every
 * account and commodity is declared, so {@code hledger check --strict} accepts the file.
 */
public final class HledgerExport extends PlainTextBooks {
    private HledgerExport(List<Account> accounts) {
        super(accounts, HledgerExport::accountName);
    }

    public static void write(ExportSource source, Writer out) throws IOException {
        HledgerExport books = new HledgerExport(source.accounts());
        out.write("; Kyodo ledger " + source.ledger().value() + ", entries 1.." + source.size()
                + ". Pending holds and voids are comments: only posted effects are postings.\n\n");
        // Declared commodities (with their decimal places) let `hledger check --strict` accept the file and make
        // hledger show each asset at its own scale; hledger wants a decimal point even without decimals ("1.").
        Map<String, Integer> commodities = new TreeMap<>();
        for (Account account : source.accounts()) {
            commodities.put(account.asset().code(), account.asset().scale());
        }
        for (Map.Entry<String, Integer> commodity : commodities.entrySet()) {
            String one = BigDecimal.ONE.setScale(commodity.getValue()).toPlainString();
            out.write("commodity " + (commodity.getValue() == 0 ? one + "." : one) + " " + commodity.getKey() + "\n");
        }
        for (Account account : source.accounts()) {
            out.write("account " + books.name(account.id().value()) + "  ; kyodo-account:" + account.id().value()
                    + ", type:" + accountType(account.kind()) + "\n");
        }
        out.write("\n");
        books.writeEntries(source, out);
        out.flush();
    }

    /** hledger's account type letters, so that its balance sheet and income statement reports sort accounts right. */
    private static char accountType(AccountKind kind) {
        return switch (kind) {
            case ASSET -> 'A';
            case LIABILITY -> 'L';
            case EQUITY -> 'E';
            case INCOME -> 'R';
            case EXPENSE -> 'X';
        };
    }

    static String accountName(Account account) {
        StringBuilder name = new StringBuilder(account.code().length());
        for (int i = 0; i < account.code().length(); i++) {
            char c = account.code().charAt(i);
            boolean special = Character.isWhitespace(c) || Character.isISOControl(c) || c == ';' || c == '#'
                    || (i == 0 && (c == '(' || c == '[')) || c == ')' || c == ']';
            name.append(special ? '_' : c);
        }
        return name.toString();
    }

    @Override
    void writeEntry(JournalEntry entry, Writer out) throws IOException {
        boolean anyPosting = entry.legs().stream().anyMatch(PlainTextBooks::moves);
        String heading = date(entry) + " * (" + entry.sequence() + ") " + entry.kind().code() + " " + entry.key().value();
        StringBuilder text = new StringBuilder(256);
        text.append(anyPosting ? "" : "; ").append(heading).append('\n');
        String comment = anyPosting ? "    ; " : ";     ";
        text.append(comment).append("actor:").append(oneLine(entry.actor())).append(", kyodo-seq:")
                .append(entry.sequence()).append('\n');
        if (!entry.memo().isEmpty()) {
            text.append(comment).append("memo: ").append(oneLine(entry.memo())).append('\n');
        }
        for (JournalLeg leg : entry.legs()) {
            if (moves(leg)) {
                text.append("    ").append(name(leg.debit().value())).append("  ").append(amount(leg.amount(), leg))
                        .append('\n');
                text.append("    ").append(name(leg.credit().value())).append("  ")
                        .append(amount(-leg.amount(), leg)).append('\n');
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
