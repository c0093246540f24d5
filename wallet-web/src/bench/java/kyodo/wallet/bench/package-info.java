/** Benchmarks of the running application, printed: the payment API over HTTP and QR image generation. */
package kyodo.wallet.bench;
