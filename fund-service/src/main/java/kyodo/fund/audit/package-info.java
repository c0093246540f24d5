/**
 * The auditor's workspace (監査): trial balance, account statements, journal search, bank reconciliation,
 * journal verification and exports. It reads the books and never moves money; its own rows are working papers.
 */
package kyodo.fund.audit;
