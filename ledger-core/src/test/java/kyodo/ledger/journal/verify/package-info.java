/** The verifier as a library and as a command, on untouched and tampered exports. */
package kyodo.ledger.journal.verify;
