/** Signed QR payloads (Ed25519): merchant-presented payment URLs, consumer tokens, JPQR, and QR images. */
package kyodo.wallet.qr;
