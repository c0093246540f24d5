package kyodo.ledger.postgres;

import kyodo.ledger.EntryRequest;
import kyodo.ledger.PostResult;

import java.util.concurrent.CompletableFuture;

/** A well-formed request waiting for the writer, with its digest and the caller's future result. */
record Submission(EntryRequest request, byte[] digest, long enqueuedNanos, CompletableFuture<PostResult> result) {
}
