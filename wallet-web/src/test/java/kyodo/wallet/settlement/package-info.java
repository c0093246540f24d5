/** Tests of merchant settlement, statements and the Zengin file against the real ledger on PostgreSQL. */
package kyodo.wallet.settlement;
