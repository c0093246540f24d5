/** A small JSON writer and a strict, bounded JSON reader for the journal's export lines (no library needed). */
package kyodo.ledger.journal.json;
