package kyodo.wallet.drill;

import kyodo.wallet.drill.Resident.Answer;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the clients know: every payment attempt (payer and intent, which make its idempotency key), what each
 * request was answered, and the attempts whose outcome is still unknown, queued per payer to be sent again with
 * the same intent, as a phone would after a network error.
 */
final class PaymentBook {
    private static final String INTENT_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int INTENT_LENGTH = 24;

    /** One payment the resident meant to make once. */
    record Attempt(int payer, String intent) {
    }

    private final Random random;
    private final List<Queue<Attempt>> unknownByPayer;
    private final Map<String, Attempt> attempts = new ConcurrentHashMap<>();
    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, String> refused = new ConcurrentHashMap<>();
    private final Set<String> retried = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();

    PaymentBook(long seed, int payers) {
        this.random = new Random(seed);
        this.unknownByPayer = java.util.stream.IntStream.range(0, payers)
                .mapToObj(i -> (Queue<Attempt>) new ConcurrentLinkedQueue<Attempt>()).toList();
    }

    /** An attempt whose outcome is unknown, to send again; else a new payment. */
    Attempt next(int payer) {
        Attempt again = retry(payer);
        if (again != null) {
            return again;
        }
        StringBuilder intent = new StringBuilder(INTENT_LENGTH);
        synchronized (random) {
            for (int i = 0; i < INTENT_LENGTH; i++) {
                intent.append(INTENT_ALPHABET.charAt(random.nextInt(INTENT_ALPHABET.length())));
            }
        }
        Attempt attempt = new Attempt(payer, intent.toString());
        attempts.put(attempt.intent(), attempt);
        return attempt;
    }

    /** An attempt of this payer whose outcome is unknown, taken to be sent again; null when there is none. */
    Attempt retry(int payer) {
        Attempt again = unknownByPayer.get(payer).poll();
        if (again != null) {
            retried.add(again.intent());
        }
        return again;
    }

    void record(Attempt attempt, Answer answer) {
        requests.incrementAndGet();
        answers.computeIfAbsent(answer.detail(), d -> new AtomicLong()).incrementAndGet();
        switch (answer.verdict()) {
            case ACKNOWLEDGED -> {
                Long before = acknowledged.putIfAbsent(attempt.intent(), answer.paymentId());
                if (before != null && before != answer.paymentId()) {
                    throw new IllegalStateException("intent " + attempt.intent() + " was acknowledged as payment "
                            + before + " and then as " + answer.paymentId());
                }
            }
            case REFUSED -> refused.put(attempt.intent(), answer.detail());
            case UNKNOWN -> unknownByPayer.get(attempt.payer()).add(attempt);
        }
    }

    long unknown() {
        return unknownByPayer.stream().mapToLong(Queue::size).sum();
    }

    /** Payments with a definite answer (acknowledged or refused). */
    long answered() {
        return acknowledged.size() + refused.size();
    }

    long requests() {
        return requests.get();
    }

    Map<String, Attempt> attempts() {
        return attempts;
    }

    Map<String, Long> acknowledged() {
        return acknowledged;
    }

    Map<String, String> refused() {
        return refused;
    }

    Set<String> retried() {
        return retried;
    }

    Map<String, Long> answerCounts() {
        Map<String, Long> counts = new TreeMap<>();
        answers.forEach((detail, count) -> counts.put(detail, count.get()));
        return counts;
    }
}
