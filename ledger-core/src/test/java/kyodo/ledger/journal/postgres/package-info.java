/** The journal in PostgreSQL: follower, proofs from tiles, and tampering by a superuser. */
package kyodo.ledger.journal.postgres;
