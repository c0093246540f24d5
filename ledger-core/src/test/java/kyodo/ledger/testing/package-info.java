/**
 * Test support for every module's tests (in ledger-core's test-jar): fresh PostgreSQL databases, the books' audit,
 * and the one clock that tests move by hand.
 */
package kyodo.ledger.testing;
