/**
 * C2SP signed notes and tlog checkpoints: their text formats, Ed25519 verifier keys ({@code vkey}, PEM) and
 * signature verification with the JDK alone, so the offline verifier needs nothing but a Java runtime.
 */
package kyodo.ledger.journal.note;
