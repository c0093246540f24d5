/** The witness command against a log served over HTTP by a test server: cosigning, and refusing a rewrite. */
package kyodo.ledger.journal.witness;
