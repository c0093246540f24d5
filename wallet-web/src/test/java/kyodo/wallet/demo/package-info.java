/** Tests of the demo ward the first run shows. */
package kyodo.wallet.demo;
