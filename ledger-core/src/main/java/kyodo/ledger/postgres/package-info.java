/**
 * The durable ledger on PostgreSQL, in plain JDBC: a batching writer (group commit under the ledger's head row
 * lock) and the queries, which read the running totals and the daily aggregates.
 */
package kyodo.ledger.postgres;
