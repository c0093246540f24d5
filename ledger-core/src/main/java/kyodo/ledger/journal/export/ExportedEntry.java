package kyodo.ledger.journal.export;

import kyodo.ledger.JournalEntry;

import java.util.List;

/**
 * An entry line of a JSON Lines export: the entry (whose {@code hash} is the chain hash the export claims), the
 * leaf hash it claims, and the account codes written beside each leg's account ids.
 */
public record ExportedEntry(JournalEntry entry, byte[] leafHash, List<String> debitCodes, List<String> creditCodes) {
    public ExportedEntry {
        leafHash = leafHash.clone();
        debitCodes = List.copyOf(debitCodes);
        creditCodes = List.copyOf(creditCodes);
    }

    @Override
    public byte[] leafHash() {
        return leafHash.clone();
    }
}
