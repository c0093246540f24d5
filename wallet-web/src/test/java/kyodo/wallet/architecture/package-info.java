/**
 * The rules of the whole code base that no single feature owns: only ledger-core reads the ledger's tables, the
 * modules depend one way (wallet-web → fund-service → ledger-core), and feature packages have no cycles.
 */
package kyodo.wallet.architecture;
