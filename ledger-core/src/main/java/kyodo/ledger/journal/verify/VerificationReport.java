package kyodo.ledger.journal.verify;

import java.util.List;

/**
 * What the verifier checked, how much of the export the verified checkpoints cover, and the first failure if
 * there was one. Coverage is a prefix: a verified checkpoint of tree size {@code n} vouches for entries
 * {@code 1..n}, so the largest verified checkpoint decides it.
 *
 * @param checked one sentence per kind of check that passed, in the order they were made
 * @param failure {@code null} when everything checked out
 * @param entries how many entries were read and checked (on a failure: up to the failing one)
 * @param covered the tree size of the largest verified checkpoint, 0 when none was given or verified
 */
public record VerificationReport(List<String> checked, Failure failure, long entries, long covered) {
    public VerificationReport {
        checked = List.copyOf(checked);
        if (covered < 0 || entries < 0) {
            throw new IllegalArgumentException("entries and covered must not be negative, were " + entries
                    + " and " + covered);
        }
    }

    /** Whether nothing failed. Entries beyond the last checkpoint may still be uncovered: see {@link #complete}. */
    public boolean ok() {
        return failure == null;
    }

    /** Whether nothing failed and a verified checkpoint covers every entry of the export. */
    public boolean complete() {
        return ok() && covered >= entries;
    }

    /** The entries that a verified checkpoint covers, as {@code 1..n}, or {@code none}. */
    public String coveredRange() {
        return Ranges.of(1, Math.min(covered, entries));
    }

    /** The entries that no verified checkpoint covers, as {@code m..n}, or {@code none}. */
    public String uncoveredRange() {
        return Ranges.of(covered + 1, entries);
    }

    /**
     * The first problem, in journal order.
     *
     * @param sequence the first bad entry's sequence number (a checkpoint's tree size for a checkpoint), or 0
     *                 when the problem belongs to no single entry
     */
    public record Failure(long sequence, String reason) {
        @Override
        public String toString() {
            return sequence > 0 ? "sequence " + sequence + ": " + reason : reason;
        }
    }

    /** Sequence ranges as people read them. */
    private static final class Ranges {
        private Ranges() {
        }

        static String of(long first, long last) {
            if (last < first) {
                return "none";
            }
            return first == last ? String.valueOf(first) : first + ".." + last;
        }
    }
}
