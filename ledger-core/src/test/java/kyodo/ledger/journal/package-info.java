/** Test support for the journal (sample books, fixtures) and the journal benchmark. */
package kyodo.ledger.journal;
