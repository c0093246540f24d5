package kyodo.ledger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    /** The most accounts one page of {@link #accounts} returns. */
    int ACCOUNTS_PAGE_MAX = 1000;

    /**
     * The accounts {@code query} selects, in code order after {@code afterCode} ({@code ""} for the first page), at
     * most {@code limit} (clamped into {@code 1..ACCOUNTS_PAGE_MAX}); as they stand now.
     */
    List<Account> accounts(AccountQuery query, String afterCode, int limit);

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

    /**
     * The journal search: entries with sequence in {@code (after, through]} that {@code filter} selects, oldest
     * first, at most {@code limit} (clamped into {@code 1..HistoryPage.LIMIT_MAX}).
     */
    List<JournalEntry> entries(EntryFilter filter, long after, long through, int limit);

    /** The most entries one call of {@link #classifiedLegs} covers. */
    int CLASSIFIED_ENTRIES_MAX = 10_000;

    /**
     * Every leg of the entries with sequence in {@code (after, min(through, after + CLASSIFIED_ENTRIES_MAX)]}, in
     * journal order, with the classes of its accounts: what report followers fold and audits classify. A caller
     * that wants a longer range asks again after the last sequence it was given.
     */
    List<ClassifiedLeg> classifiedLegs(long after, long through);

    /**
     * The first sequence posted at or after {@code moment}, or {@code head + 1} if none. Timestamps never go back
     * along the journal, so a period of time is a range of sequences.
     */
    long firstSequenceAtOrAfter(Instant moment);

    /** The last sequence posted at or before {@code moment}, or 0 if none. */
    default long lastSequenceAtOrBefore(Instant moment) {
        Instant after = moment.truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS);
        return firstSequenceAtOrAfter(after) - 1;
    }

    Head head();

    Optional<Balance> balance(AccountId id);

    /** The balance after every entry posted at or before {@code asOf}. */
    Optional<Balance> balance(AccountId id, Instant asOf);

    /** Legs of an account posted in {@code [from, to)}, oldest first, after sequence {@code after}. */
    HistoryPage history(AccountId id, Instant from, Instant to, long after, int limit);

    /**
     * Legs on any of {@code accounts} (at most {@link AccountQuery#IDS_MAX}, e.g. a wallet's vintages) posted in
     * {@code [from, to)} with sequence below {@code before} ({@code 0}: no bound), newest entry first, at most
     * {@code limit} entries (clamped into {@code 1..HistoryPage.LIMIT_MAX}); each line names its account. What a
     * statement shows.
     */
    NewestFirstPage historyNewestFirst(Set<AccountId> accounts, Instant from, Instant to, long before, int limit);

    /** The most accounts one answer of {@link #movements} may hold; a broader query fails. */
    int MOVED_ACCOUNTS_MAX = 100_000;

    /**
     * Per account that {@code query} selects and that a leg of the entries with sequence in {@code (after, through]}
     * touched, how its totals changed over them, in account id order; with {@code after = 0}, its totals as of the
     * entry {@code through}. Accounts no leg touched are left out. The PostgreSQL ledger adds whole business days
     * from its daily aggregates and reads only the legs of the partial days at either end.
     *
     * @throws IllegalArgumentException when more than {@link #MOVED_ACCOUNTS_MAX} accounts would be in the answer
     */
    List<AccountTotals> movements(AccountQuery query, long after, long through);

    /** Per account that {@code query} selects and that has moved, its totals after the entry {@code through}. */
    default List<AccountTotals> totalsAsOf(AccountQuery query, long through) {
        return movements(query, 0, through);
    }

    /** Per asset, the sums of all accounts' totals after every entry posted at or before {@code asOf}. */
    List<TrialBalance> trialBalance(Instant asOf);
}
