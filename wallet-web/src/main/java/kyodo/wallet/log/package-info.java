/**
 * The public face of the verifiable journal, for anyone and without sign-in: signed checkpoints, inclusion and
 * consistency proofs, the log's public keys, single entries, and the page a receipt's QR opens.
 */
package kyodo.wallet.log;
