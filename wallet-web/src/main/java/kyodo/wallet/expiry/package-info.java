/** Expiry of points: the job that sweeps expired vintages to {@code expired:pt} (or the fund, by policy). */
package kyodo.wallet.expiry;
