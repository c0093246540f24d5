/** Monthly merchant settlement: points retired into yen payables, statements, the Zengin transfer file, payment. */
package kyodo.wallet.settlement;
