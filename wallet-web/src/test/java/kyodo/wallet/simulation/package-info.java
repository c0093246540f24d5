/** A seeded simulated year of the currency on PostgreSQL: earning, spending, transfers, vouchers, settlement, expiry. */
package kyodo.wallet.simulation;
