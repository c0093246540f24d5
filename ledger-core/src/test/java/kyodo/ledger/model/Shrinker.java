package kyodo.ledger.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Makes a failing sequence short enough to read: removes chunks of operations, halving the chunk size, for as
 * long as the sequence still fails (delta debugging, greedy). Bounded in attempts, since each attempt is a run.
 */
final class Shrinker {
    static final int ATTEMPTS_MAX = 300;

    private Shrinker() {
    }

    static <T> List<T> shrink(List<T> failing, Predicate<List<T>> fails) {
        List<T> current = new ArrayList<>(failing);
        int attempts = 0;
        for (int chunk = Math.max(1, current.size() / 2); chunk >= 1; chunk /= 2) {
            boolean removed = true;
            while (removed && attempts < ATTEMPTS_MAX) {
                removed = false;
                for (int start = 0; start + chunk <= current.size() && attempts < ATTEMPTS_MAX; ) {
                    List<T> candidate = new ArrayList<>(current.subList(0, start));
                    candidate.addAll(current.subList(start + chunk, current.size()));
                    attempts++;
                    if (!candidate.isEmpty() && fails.test(candidate)) {
                        current = candidate;
                        removed = true;
                    } else {
                        start += chunk;
                    }
                }
            }
        }
        return current;
    }
}
