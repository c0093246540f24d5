/** The auditor's workspace against real PostgreSQL: figures recomputed independently, hledger run as a process. */
package kyodo.fund.audit;
