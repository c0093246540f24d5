/** Tests of paper vouchers against the real ledger on PostgreSQL. */
package kyodo.wallet.voucher;
