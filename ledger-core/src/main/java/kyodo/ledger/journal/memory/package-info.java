/** The journal kept in memory beside {@code InMemoryLedger}: the same tree, checkpoints and proofs, no database. */
package kyodo.ledger.journal.memory;
