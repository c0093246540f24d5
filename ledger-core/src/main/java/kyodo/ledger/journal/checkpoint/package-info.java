/**
 * Signing checkpoints: Ed25519 signing keys kept as PEM files (never in the database), the note signer
 * (Bouncy Castle) and the policy that says when a new checkpoint is due.
 */
package kyodo.ledger.journal.checkpoint;
