/** Keeps the ledger's verifiable journal: the Merkle tree follows the books, and signed checkpoints are made on time. */
package kyodo.wallet.journal;
