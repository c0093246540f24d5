/** Paying by QR: a resident pays a merchant's QR, a merchant charges a resident's token, refunds of a sale. */
package kyodo.wallet.payment;
