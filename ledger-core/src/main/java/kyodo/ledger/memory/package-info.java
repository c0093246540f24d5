/** The in-memory ledger: the reference model that tests use as the oracle for the PostgreSQL ledger. */
package kyodo.ledger.memory;
