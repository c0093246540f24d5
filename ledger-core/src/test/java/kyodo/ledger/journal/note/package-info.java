/** Signed-note and Ed25519 known answers. */
package kyodo.ledger.journal.note;
