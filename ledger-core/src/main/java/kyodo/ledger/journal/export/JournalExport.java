package kyodo.ledger.journal.export;

import kyodo.ledger.Account;
import kyodo.ledger.CanonicalEncoding;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.journal.merkle.MerkleHash;

import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Writes the JSON Lines export: header, accounts, then every entry with its chain and leaf hashes. */
public final class JournalExport {
    private JournalExport() {
    }

    /** Writes the export of {@code source} and returns how many entries it wrote. */
    public static long write(ExportSource source, Writer out) throws IOException {
        List<Account> accounts = source.accounts();
        Map<Long, String> codes = new HashMap<>();
        for (Account account : accounts) {
            codes.put(account.id().value(), account.code());
        }
        out.write(ExportFormat.header(new ExportFormat.Header(source.ledger(), source.size(), accounts.size(),
                source.headHash())));
        out.write('\n');
        for (Account account : accounts) {
            out.write(ExportFormat.account(account));
            out.write('\n');
        }
        MerkleHash hash = new MerkleHash();
        long written = 0;
        // Pages go by sequence number, not by count, so a gap (an entry deleted behind the ledger's back) is
        // exported as a gap and the verifier can name the missing sequence.
        for (long from = 1; from <= source.size(); from += ExportSource.PAGE_ENTRIES) {
            long to = Math.min(source.size(), from + ExportSource.PAGE_ENTRIES - 1);
            List<JournalEntry> page = source.entries(from, to);
            for (JournalEntry entry : page) {
                byte[] leaf = source.storedLeafHash(entry.sequence());
                if (leaf == null) {
                    leaf = hash.leaf(CanonicalEncoding.encode(entry));
                }
                out.write(ExportFormat.entry(entry, leaf, id -> codes.getOrDefault(id, "")));
                out.write('\n');
                written++;
            }
        }
        out.flush();
        return written;
    }
}
