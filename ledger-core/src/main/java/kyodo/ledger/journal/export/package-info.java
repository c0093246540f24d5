/**
 * Exports of the journal: JSON Lines that the offline verifier checks, and hledger and Beancount files of the
 * same entries so that those tools compute the ledger's posted balances.
 */
package kyodo.ledger.journal.export;
