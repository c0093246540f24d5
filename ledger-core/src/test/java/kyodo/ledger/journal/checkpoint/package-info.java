/** Key directory, rotation and checkpoint policy tests. */
package kyodo.ledger.journal.checkpoint;
