package kyodo.ledger.postgres;

import kyodo.ledger.Asset;
import kyodo.ledger.EntryRequest;
import kyodo.ledger.LedgerId;
import kyodo.ledger.PostResult;
import kyodo.ledger.ResultCode;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The single writer of one ledger in this process (group commit): callers enqueue well-formed requests, the
 * writer takes whatever has queued up (up to a bound) and decides and commits it in one transaction, then
 * completes each caller's future. Other processes writing the same ledger are serialised by the head row lock.
 */
final class BatchWriter implements AutoCloseable {
    private static final long POLL_MILLIS = 100;
    private static final long RETRY_BACKOFF_MILLIS = 20;
    /** About 250 bytes each: a ward's wallets fit, and the writer's memory stays bounded. */
    private static final int ACCOUNTS_CACHED_MAX = 250_000;

    private final DataSource dataSource;
    private final LedgerId ledger;
    private final Supplier<Map<String, Asset>> assets;
    private final Clock clock;
    private final WriterSettings settings;
    private final WriterListener listener;
    private final BlockingQueue<Submission> queue;
    private final Thread thread;
    private final AccountCache accounts = new AccountCache(ACCOUNTS_CACHED_MAX);
    private volatile boolean running = true;
    private Connection connection;

    BatchWriter(DataSource dataSource, LedgerId ledger, Supplier<Map<String, Asset>> assets, Clock clock,
                WriterSettings settings, WriterListener listener) {
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.assets = assets;
        this.clock = clock;
        this.settings = settings;
        this.listener = listener;
        this.queue = new ArrayBlockingQueue<>(settings.queueEntriesMax());
        this.thread = new Thread(this::run, "kyodo-ledger-writer-" + ledger.value());
        this.thread.setDaemon(true);
        this.thread.start();
    }

    CompletableFuture<PostResult> submit(EntryRequest request, byte[] digest) {
        CompletableFuture<PostResult> result = new CompletableFuture<>();
        if (!running) {
            result.completeExceptionally(new IllegalStateException("the ledger writer is closed"));
            return result;
        }
        try {
            queue.put(new Submission(request, digest, System.nanoTime(), result));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.completeExceptionally(e);
        }
        return result;
    }

    int queueDepth() {
        return queue.size();
    }

    private void run() {
        List<Submission> batch = new ArrayList<>(settings.batchEntriesMax());
        while (running || !queue.isEmpty()) {
            try {
                Submission first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, settings.batchEntriesMax() - 1);
                linger(batch);
                process(batch);
            } catch (InterruptedException e) {
                running = false;
            } catch (RuntimeException | Error e) {
                fail(batch, e);
            } finally {
                batch.clear();
            }
        }
        closeConnection();
    }

    private void linger(List<Submission> batch) throws InterruptedException {
        long deadline = System.nanoTime() + settings.batchWait().toNanos();
        while (batch.size() < settings.batchEntriesMax()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            Submission next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
            queue.drainTo(batch, settings.batchEntriesMax() - batch.size());
        }
    }

    /**
     * Commits the batch, retrying transient failures. A request that breaks the database (which only a bug can
     * do, since the rules are decided before writing) is isolated by splitting the batch, so that it fails
     * alone and the other callers still get their results.
     */
    private void process(List<Submission> batch) {
        process(batch, new PostResult[batch.size()]);
    }

    /**
     * @param inDoubt per submission, the POSTED result of an earlier attempt whose COMMIT failed without an answer
     *                (the connection broke while committing), else null. If that commit did happen, the retry
     *                finds the key on the books at that very sequence: the entry is this caller's own, and the
     *                caller is told POSTED, as it would have been had the answer arrived, not ALREADY_POSTED.
     */
    private void process(List<Submission> batch, PostResult[] inDoubt) {
        for (int attempt = 0; ; attempt++) {
            long started = System.nanoTime();
            Attempt current = new Attempt();
            try {
                List<PostResult> results = commit(batch, current);
                long finished = System.nanoTime();
                int posted = 0;
                for (int i = 0; i < batch.size(); i++) {
                    Submission submission = batch.get(i);
                    PostResult result = ownPosting(results.get(i), inDoubt[i]);
                    if (result.code() == ResultCode.POSTED) {
                        posted++;
                    }
                    submission.result().complete(result);
                    listener.requestCompleted(finished - submission.enqueuedNanos());
                }
                listener.batchCommitted(batch.size(), posted, finished - started);
                return;
            } catch (SQLException e) {
                closeConnection();
                if (current.committing != null) {
                    for (int i = 0; i < batch.size(); i++) {
                        PostResult decided = current.committing.get(i);
                        if (inDoubt[i] == null && decided.code() == ResultCode.POSTED) {
                            inDoubt[i] = decided;
                        }
                    }
                }
                if (SqlStates.worthRetrying(e) && attempt < settings.retriesMax()) {
                    listener.batchRetried(e.getSQLState());
                    pause(RETRY_BACKOFF_MILLIS * (attempt + 1));
                    continue;
                }
                if (batch.size() > 1) {
                    int half = batch.size() / 2;
                    process(new ArrayList<>(batch.subList(0, half)), Arrays.copyOfRange(inDoubt, 0, half));
                    process(new ArrayList<>(batch.subList(half, batch.size())),
                            Arrays.copyOfRange(inDoubt, half, batch.size()));
                    return;
                }
                fail(batch, e);
                return;
            }
        }
    }

    private static PostResult ownPosting(PostResult result, PostResult inDoubt) {
        if (inDoubt != null && result.code() == ResultCode.ALREADY_POSTED
                && result.sequence() == inDoubt.sequence()) {
            return inDoubt;
        }
        return result;
    }

    /** One attempt at a batch; {@code committing} holds its decisions once the COMMIT has been sent. */
    private static final class Attempt {
        List<PostResult> committing;
    }

    private List<PostResult> commit(List<Submission> batch, Attempt attempt) throws SQLException {
        Connection current = connection();
        try {
            BatchTransaction transaction = new BatchTransaction(current, ledger, assets.get(), accounts);
            List<PostResult> results = transaction.run(batch, clock);
            attempt.committing = results;
            current.commit();
            accounts.committed(transaction.accountsAfter(), transaction.stampAfter());
            return results;
        } catch (SQLException | RuntimeException e) {
            try {
                current.rollback();
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
        }
        return connection;
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the connection is being discarded because it failed; nothing more to do with it
            }
            connection = null;
        }
    }

    private static void fail(List<Submission> batch, Throwable cause) {
        for (Submission submission : batch) {
            submission.result().completeExceptionally(cause);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Submission> left = new ArrayList<>();
        queue.drainTo(left);
        fail(left, new IllegalStateException("the ledger writer was closed"));
    }
}
