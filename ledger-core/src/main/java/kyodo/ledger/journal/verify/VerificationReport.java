package kyodo.ledger.journal.verify;

import java.util.List;

/**
 * What the verifier checked, and the first failure if there was one.
 *
 * @param checked one sentence per kind of check that passed, in the order they were made
 * @param failure {@code null} when everything checked out
 */
public record VerificationReport(List<String> checked, Failure failure) {
    public VerificationReport {
        checked = List.copyOf(checked);
    }

    public boolean ok() {
        return failure == null;
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
}
