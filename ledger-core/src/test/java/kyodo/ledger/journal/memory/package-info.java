/** The in-memory journal beside InMemoryLedger. */
package kyodo.ledger.journal.memory;
