/**
 * The offline verifier, as a library ({@link kyodo.ledger.journal.verify.JournalVerifier}) and a command
 * ({@link kyodo.ledger.journal.verify.Main}). It needs only the JDK, so a third party can run the jar alone.
 */
package kyodo.ledger.journal.verify;
