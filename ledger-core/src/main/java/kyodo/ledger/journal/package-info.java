/**
 * The verifiable journal: an RFC 9162 Merkle tree over the canonical entries, signed checkpoints, inclusion and
 * consistency proofs, exports and the offline verifier. Subpackages hold each feature.
 */
package kyodo.ledger.journal;
