/** Paper vouchers (紙券): issuing batches from the fiscal-year budget, printable sheets, redemption once, expiry. */
package kyodo.wallet.voucher;
