/**
 * A small witness for Kyodo's log (or any log that serves C2SP checkpoints and consistency proofs): it keeps the
 * last checkpoint it saw on disk, checks that each new one extends it, and posts a C2SP tlog-cosignature/v1.
 * JDK only, so it runs from the ledger-core jar alone.
 */
package kyodo.ledger.journal.witness;
