/** The application on its own database with a clock the tests move: for vouchers, expiry, settlement and the year. */
package kyodo.wallet.clocked;
