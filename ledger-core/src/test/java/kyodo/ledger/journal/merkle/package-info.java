/** Merkle tree known answers, the literal RFC 9162 recursion as an oracle, and tile tests. */
package kyodo.ledger.journal.merkle;
