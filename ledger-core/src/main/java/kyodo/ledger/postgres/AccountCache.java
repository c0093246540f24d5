package kyodo.ledger.postgres;

import kyodo.ledger.Account;
import kyodo.ledger.AccountId;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The writer's copy of the accounts its batches touched, as they stood after its last commit, so that a batch
 * reads from the database only the accounts it has not seen before. Account rows change only under the ledger's
 * head lock, by posting (which moves the head sequence) or by closing (which moves the head's accounts version),
 * so the copy is exactly the database's while the head still shows what this writer left there. When it does
 * not (another process posted, an account was closed), the copy is dropped whole. A failed batch needs nothing
 * more: the copy is only updated after a commit, a rollback leaves the head as it was, and a commit whose answer
 * was lost has moved the head. Used by one thread, the writer's.
 */
final class AccountCache {
    /** What the head showed when the copy was last known to be exact. */
    record Stamp(long headSequence, long accountsVersion) {
    }

    /** One account as the books hold it, with the business day whose movements its row carries (may be null). */
    record Cached(Account account, LocalDate openDay) {
        Cached {
            Objects.requireNonNull(account, "account");
        }
    }

    private final int entriesMax;
    private final Map<AccountId, Cached> accounts = new HashMap<>();
    private Stamp stamp;

    AccountCache(int entriesMax) {
        if (entriesMax < 0) {
            throw new IllegalArgumentException("entriesMax must not be negative, was " + entriesMax);
        }
        this.entriesMax = entriesMax;
    }

    /** An empty cache that never keeps anything: every batch reads its accounts (a path without a writer). */
    static AccountCache none() {
        return new AccountCache(0);
    }

    /** Keeps the copy if the head still shows {@code current}, else drops it. */
    void validate(Stamp current) {
        if (!current.equals(stamp)) {
            clear();
        }
    }

    Cached get(AccountId id) {
        return accounts.get(id);
    }

    /** After a commit: the accounts the batch left, exact as of the head {@code after}. */
    void committed(Map<AccountId, Cached> touched, Stamp after) {
        if (accounts.size() + touched.size() > entriesMax) {
            accounts.clear();
        }
        if (touched.size() <= entriesMax) {
            accounts.putAll(touched);
        }
        stamp = after;
    }

    private void clear() {
        accounts.clear();
        stamp = null;
    }
}
