/**
 * The crash drill: the packaged application run as a separate process under payment load, killed with SIGKILL
 * and restarted, its database server killed and restarted, then the books checked against what clients were told.
 */
package kyodo.wallet.drill;
