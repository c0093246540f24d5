/** The JSON reader and writer. */
package kyodo.ledger.journal.json;
