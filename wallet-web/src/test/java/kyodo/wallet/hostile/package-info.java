/** Hostile input against the whole application: every class of bad request gets a clear 4xx and moves nothing. */
package kyodo.wallet.hostile;
