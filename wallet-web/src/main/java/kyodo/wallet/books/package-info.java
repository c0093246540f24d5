/** The application's ledger: the PostgreSQL books of the ward configured as {@code kyodo.ledger.*}. */
package kyodo.wallet.books;
