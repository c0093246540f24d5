/** hledger and Beancount exports give the ledger's posted balances. */
package kyodo.ledger.journal.export;
