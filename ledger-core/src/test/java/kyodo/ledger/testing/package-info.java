/** Test support shared by every module's tests (shipped in ledger-core's test-jar): fresh PostgreSQL databases. */
package kyodo.ledger.testing;
