package kyodo.ledger.journal.checkpoint;

import kyodo.ledger.journal.note.Checkpoint;
import kyodo.ledger.journal.note.Cosignature;
import kyodo.ledger.journal.note.CosignerKey;
import kyodo.ledger.journal.note.NoteFormatException;
import kyodo.ledger.journal.note.NoteSignature;
import kyodo.ledger.journal.note.SignedNote;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Decides whether a note that a witness posted carries cosignatures the log should keep: the note's body must be
 * one of the log's own stored checkpoints byte for byte, and each cosignature line must be a C2SP
 * tlog-cosignature/v1 by a configured witness key that verifies. Lines by other keys are ignored (as a note
 * verifier ignores unknown signers); one bad line by a configured key refuses the whole note.
 */
public final class Cosignatures {
    /** A witness's clock may run ahead of ours by this much; a later timestamp is refused. */
    public static final Duration CLOCK_SKEW_MAX = Duration.ofMinutes(5);
    /** Witnesses a log listens to: the independent ones a reader counts are a handful. */
    public static final int WITNESSES_MAX = 32;

    private Cosignatures() {
    }

    /** Why a posted note was refused, or that it was accepted. */
    public enum Code {
        ACCEPTED, NOT_A_NOTE, NOT_THIS_LOG, UNKNOWN_CHECKPOINT, NO_KNOWN_WITNESS, BAD_SIGNATURE, FROM_THE_FUTURE
    }

    /** A cosignature that verified, with the key that made it. */
    public record Verified(Cosignature cosignature, CosignerKey key) {
    }

    /**
     * The decision on a posted note.
     *
     * @param detail for people: what was wrong, naming the tree size or witness
     */
    public record Decision(Code code, String detail, Checkpoint checkpoint, List<Verified> verified) {
        public Decision {
            verified = List.copyOf(verified);
        }

        public boolean accepted() {
            return code == Code.ACCEPTED;
        }

        static Decision refused(Code code, String detail, Checkpoint checkpoint) {
            return new Decision(code, detail, checkpoint, List.of());
        }
    }

    /**
     * @param storedBody the note body of the log's stored checkpoint of a tree size, if there is one
     */
    public static Decision check(String note, String origin, LongFunction<Optional<String>> storedBody,
                                 List<CosignerKey> witnesses, Instant now) {
        SignedNote parsed;
        Checkpoint checkpoint;
        try {
            parsed = SignedNote.parse(note);
            checkpoint = Checkpoint.parse(parsed.text());
        } catch (NoteFormatException e) {
            return Decision.refused(Code.NOT_A_NOTE, "not a cosigned checkpoint: " + e.getMessage(), null);
        }
        if (!checkpoint.origin().equals(origin)) {
            return Decision.refused(Code.NOT_THIS_LOG, "the checkpoint names origin \"" + checkpoint.origin()
                    + "\", this log is \"" + origin + "\"", checkpoint);
        }
        Optional<String> stored = storedBody.apply(checkpoint.size());
        if (stored.isEmpty() || !stored.get().equals(parsed.text())) {
            return Decision.refused(Code.UNKNOWN_CHECKPOINT, "this log signed no checkpoint of tree size "
                    + checkpoint.size() + " with root " + checkpoint.rootHex(), checkpoint);
        }
        List<Verified> verified = new ArrayList<>();
        for (NoteSignature line : parsed.signatures()) {
            for (CosignerKey key : witnesses) {
                if (!key.name().equals(line.keyName()) || key.id() != line.keyId()) {
                    continue;
                }
                Optional<Cosignature> cosignature = Cosignature.of(line);
                if (cosignature.isEmpty() || !key.verify(parsed.text(), cosignature.get())) {
                    return Decision.refused(Code.BAD_SIGNATURE, "the cosignature by " + key
                            + " does not verify for tree size " + checkpoint.size(), checkpoint);
                }
                if (cosignature.get().timestamp() > now.plus(CLOCK_SKEW_MAX).getEpochSecond()) {
                    return Decision.refused(Code.FROM_THE_FUTURE, "the cosignature by " + key + " is dated "
                            + Instant.ofEpochSecond(cosignature.get().timestamp()) + ", later than now", checkpoint);
                }
                verified.add(new Verified(cosignature.get(), key));
            }
        }
        if (verified.isEmpty()) {
            return Decision.refused(Code.NO_KNOWN_WITNESS, "no cosignature by a witness this log lists ("
                    + witnesses + ")", checkpoint);
        }
        return new Decision(Code.ACCEPTED, "verified " + verified.size() + " cosignature(s) of tree size "
                + checkpoint.size(), checkpoint, verified);
    }
}
