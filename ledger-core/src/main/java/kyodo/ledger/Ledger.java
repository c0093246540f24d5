package kyodo.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The books of one ledger. Two implementations agree on every result: {@code InMemoryLedger}, the reference
 * model, and {@code PostgresLedger}, the durable one. Business rejections come back as result codes; an
 * exception means a bug or an I/O failure.
 */
public interface Ledger {
    /** Bounds on what one request may carry. */
    int LEGS_MAX = 64;
    int MEMO_LENGTH_MAX = 280;
    int METADATA_BYTES_MAX = 4096;
    int ACTOR_LENGTH_MAX = 64;

    LedgerId id();

    /** Makes an asset other than {@link Asset#PT} and {@link Asset#JPY} usable; registering again is harmless. */
    void registerAsset(Asset asset);

    AccountResult open(AccountSpec spec);

    /** Opens many accounts at once; the results are in request order. */
    List<AccountResult> openAll(List<AccountSpec> specs);

    AccountResult close(AccountId id);

    Optional<Account> account(AccountId id);

    Optional<Account> account(String code);

    PostResult post(EntryRequest request);

    /**
     * Posts without waiting: the result completes when the entry is decided and durable. Lets one caller keep
     * several entries in flight (a server thread serving many users), which is how the batching writer fills
     * its batches. Fails with {@link LedgerUnavailable} when the ledger cannot record it.
     */
    CompletableFuture<PostResult> postAsync(EntryRequest request);

    /** Posts each entry on its own (one rejection does not affect the others); results are in request order. */
    List<PostResult> postAll(List<EntryRequest> requests);

    /** Voids up to {@code max} pending legs whose timeout has passed; returns how many it voided. Idempotent. */
    int voidExpiredPendings(int max);

    Optional<JournalEntry> entry(EntryKey key);

    Optional<JournalEntry> entry(long sequence);

    /** Entries with sequence numbers {@code from..to} inclusive, in order, at most {@link HistoryPage#LIMIT_MAX}. */
    List<JournalEntry> entries(long from, long to);

    Head head();

    Optional<Balance> balance(AccountId id);

    /** The balance after every entry posted at or before {@code asOf}. */
    Optional<Balance> balance(AccountId id, Instant asOf);

    /** Legs of an account posted in {@code [from, to)}, oldest first, after sequence {@code after}. */
    HistoryPage history(AccountId id, Instant from, Instant to, long after, int limit);

    /** Per asset, the sums of all accounts' totals after every entry posted at or before {@code asOf}. */
    List<TrialBalance> trialBalance(Instant asOf);
}
