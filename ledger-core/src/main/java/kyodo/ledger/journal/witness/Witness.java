package kyodo.ledger.journal.witness;

import kyodo.ledger.journal.merkle.MerkleProofs;
import kyodo.ledger.journal.note.Checkpoint;
import kyodo.ledger.journal.note.Cosignature;
import kyodo.ledger.journal.note.NoteFormatException;
import kyodo.ledger.journal.note.SignedNote;
import kyodo.ledger.journal.note.VerifierKey;

import java.io.IOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * One witness of one log. Each {@link #witness} round fetches the log's latest checkpoint, checks the log's
 * signature and origin, and checks that it extends the last checkpoint this witness saw (same root at the same
 * size; a verified RFC 9162 consistency proof to a larger size; never a smaller size). Only then does it record
 * the checkpoint as seen and cosign it. A log that shows this witness a rewritten history is refused, and the
 * witness keeps the checkpoint it had: the refusal stays until the log returns to the history it showed before.
 */
public final class Witness {
    private final String origin;
    private final List<VerifierKey> logKeys;
    private final WitnessKey key;
    private final WitnessState state;
    private final Clock clock;

    /**
     * @param origin  the log's origin line; a checkpoint of another log is refused
     * @param logKeys the log's public keys; a checkpoint needs a valid signature by one of them
     */
    public Witness(String origin, List<VerifierKey> logKeys, WitnessKey key, WitnessState state, Clock clock) {
        if (logKeys.isEmpty()) {
            throw new IllegalArgumentException("a witness needs the log's public key");
        }
        this.origin = origin;
        this.logKeys = List.copyOf(logKeys);
        this.key = key;
        this.state = state;
        this.clock = clock;
    }

    /** What a round did: cosigned a checkpoint, or refused one and why (naming both tree sizes). */
    public record Outcome(boolean cosigned, Checkpoint checkpoint, String message) {
    }

    /** One round against {@code log}. I/O problems propagate; a misbehaving log is a refused outcome. */
    public Outcome witness(LogClient log) throws IOException {
        String text = log.checkpoint();
        Checkpoint checkpoint;
        try {
            SignedNote note = SignedNote.parse(text);
            SignedNote.Verification verification = note.verify(logKeys);
            if (!verification.verified()) {
                return refused(null, verification.failedKey() != null
                        ? "the log's checkpoint carries a bad signature by " + verification.failedKey()
                        : "the log's checkpoint is not signed by the log's key (" + logKeys + ")");
            }
            checkpoint = Checkpoint.parse(note.text());
        } catch (NoteFormatException e) {
            return refused(null, "the log's checkpoint is not a signed checkpoint: " + e.getMessage());
        }
        if (!checkpoint.origin().equals(origin)) {
            return refused(checkpoint, "the checkpoint names origin \"" + checkpoint.origin() + "\", not \""
                    + origin + "\"");
        }
        Optional<Checkpoint> seen = state.lastSeen();
        if (seen.isPresent()) {
            Optional<String> problem = inconsistency(seen.get(), checkpoint, log);
            if (problem.isPresent()) {
                return refused(checkpoint, problem.get());
            }
        }
        // Recorded before cosigning: the witness never vouches for a checkpoint it has not kept.
        state.save(text);
        Cosignature cosignature = key.cosign(checkpoint.body(), clock.instant().getEpochSecond());
        String answer = log.postCosignature(new SignedNote(checkpoint.body(), List.of(cosignature.noteSignature()))
                .format());
        String since = seen.map(c -> c.size() == checkpoint.size() ? "unchanged since the last round"
                : "consistent with tree size " + c.size() + " seen before").orElse("the first checkpoint seen");
        return new Outcome(true, checkpoint, "cosigned tree size " + checkpoint.size() + " (" + since + ") as "
                + key.cosignerKey() + "; the log answered: " + answer.strip());
    }

    private Optional<String> inconsistency(Checkpoint seen, Checkpoint now, LogClient log) throws IOException {
        if (now.size() < seen.size()) {
            return Optional.of("the log now shows tree size " + now.size() + ", smaller than tree size "
                    + seen.size() + " that this witness saw before: the log rolled its history back");
        }
        if (now.size() == seen.size()) {
            return MessageDigest.isEqual(now.root(), seen.root()) ? Optional.empty()
                    : Optional.of("the log shows tree size " + now.size() + " with root " + now.rootHex()
                    + ", but this witness saw tree size " + seen.size() + " with root " + seen.rootHex()
                    + ": the log rewrote its history");
        }
        if (seen.size() == 0) {
            return Optional.empty(); // every tree extends the empty one
        }
        List<byte[]> proof = log.consistency(seen.size(), now.size());
        if (!MerkleProofs.verifyConsistency(seen.size(), now.size(), proof, seen.root(),
                now.root())) {
            return Optional.of("tree size " + now.size() + " is not consistent with tree size " + seen.size()
                    + " that this witness saw before: the log rewrote its history");
        }
        return Optional.empty();
    }

    private static Outcome refused(Checkpoint checkpoint, String why) {
        return new Outcome(false, checkpoint, "refused: " + why);
    }
}
