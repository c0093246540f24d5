/**
 * The books: a double-entry ledger of accounts and balanced, append-only journal entries. This package is the
 * public face ({@link kyodo.ledger.Ledger} and its values); the implementations live in subpackages.
 */
package kyodo.ledger;
