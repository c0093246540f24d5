/**
 * RFC 9162 Merkle tree hashing, proofs and their verification, over hashes kept in C2SP tlog-tiles layout
 * (tiles of 256 hashes at every eighth level), so that roots and proofs read O(log n) tiles.
 */
package kyodo.ledger.journal.merkle;
