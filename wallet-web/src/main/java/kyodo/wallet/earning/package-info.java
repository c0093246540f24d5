/**
 * Earning points: the fiscal-year issuance budget, issuance into vintages, volunteer activities with sign-ups,
 * QR check-in and confirmed hours, the issuance rules staff configure, and corrections.
 */
package kyodo.wallet.earning;
