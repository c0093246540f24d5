package kyodo.ledger.journal.checkpoint;

import kyodo.ledger.journal.note.Checkpoint;
import kyodo.ledger.journal.note.SignedNote;
import kyodo.ledger.journal.note.VerifierKey;

import java.util.ArrayList;
import java.util.List;

/**
 * Signs checkpoints of one log with every current key. Signing with old and new key side by side during a
 * rotation lets verifiers that trust either one accept the same checkpoint.
 */
public final class CheckpointSigner {
    public static final int SIGNERS_MAX = 8;

    private final String origin;
    private final List<NoteSigner> signers;

    public CheckpointSigner(String origin, List<NoteSigner> signers) {
        if (signers.isEmpty() || signers.size() > SIGNERS_MAX) {
            throw new IllegalArgumentException("a checkpoint needs 1.." + SIGNERS_MAX + " signers, got "
                    + signers.size());
        }
        this.origin = origin;
        this.signers = List.copyOf(signers);
    }

    public String origin() {
        return origin;
    }

    public List<VerifierKey> verifierKeys() {
        List<VerifierKey> keys = new ArrayList<>();
        for (NoteSigner signer : signers) {
            keys.add(signer.verifierKey());
        }
        return keys;
    }

    public SignedNote sign(long size, byte[] root) {
        String body = new Checkpoint(origin, size, root).body();
        SignedNote note = new SignedNote(body, List.of());
        for (NoteSigner signer : signers) {
            note = note.with(signer.signText(body));
        }
        return note;
    }
}
