package kyodo.ledger.journal.export;

import kyodo.ledger.Account;
import kyodo.ledger.AccountId;
import kyodo.ledger.Head;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.Ledger;
import kyodo.ledger.LedgerId;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An export view read through the {@link Ledger} interface. The ledger has no snapshot, so the accounts are
 * read between two looks at the head and read again if anything was posted meanwhile; entries beyond the first
 * head are never exported.
 */
public final class LedgerExportSource implements ExportSource {
    public static final int ACCOUNTS_MAX = 10_000_000;
    private static final int ATTEMPTS_MAX = 5;

    private final Ledger ledger;
    private final Head head;
    private final List<Account> accounts;

    public LedgerExportSource(Ledger ledger) {
        this.ledger = ledger;
        for (int attempt = 0; attempt < ATTEMPTS_MAX; attempt++) {
            Head before = ledger.head();
            List<Account> read = readAccounts();
            Head after = ledger.head();
            if (before.sequence() == after.sequence()) {
                this.head = before;
                this.accounts = List.copyOf(read);
                return;
            }
        }
        throw new IllegalStateException("the ledger kept posting while its accounts were read; export when it is quieter");
    }

    private List<Account> readAccounts() {
        List<Account> read = new ArrayList<>();
        for (long id = 1; id <= ACCOUNTS_MAX; id++) {
            Optional<Account> account = ledger.account(new AccountId(id));
            if (account.isEmpty()) {
                break;
            }
            read.add(account.get());
        }
        return read;
    }

    @Override
    public LedgerId ledger() {
        return ledger.id();
    }

    @Override
    public long size() {
        return head.sequence();
    }

    @Override
    public byte[] headHash() {
        return head.hash();
    }

    @Override
    public List<Account> accounts() {
        return accounts;
    }

    @Override
    public List<JournalEntry> entries(long from, long to) {
        return ledger.entries(from, Math.min(to, head.sequence()));
    }
}
