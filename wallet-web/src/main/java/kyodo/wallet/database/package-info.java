/**
 * Where the data lives: an external PostgreSQL named by {@code KYODO_DB_URL}, or else an embedded PostgreSQL
 * started by the application itself, with its data kept on disk between runs.
 */
package kyodo.wallet.database;
