/**
 * The journal in PostgreSQL: tiles and checkpoints (migration {@code V2__journal.sql}), the follower that
 * appends committed entries to the tree, proofs served from stored tiles, and consistent export snapshots.
 */
package kyodo.ledger.journal.postgres;
