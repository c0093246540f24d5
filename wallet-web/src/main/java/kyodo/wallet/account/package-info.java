/** Points wallets: which ledger accounts belong to a resident, merchant or group, their balances and history. */
package kyodo.wallet.account;
