package kyodo.ledger.journal.checkpoint;

import kyodo.ledger.journal.note.NoteSignature;
import kyodo.ledger.journal.note.VerifierKey;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

import java.nio.charset.StandardCharsets;

/** Signs note texts with one Ed25519 private key under one key name (Bouncy Castle's pure Ed25519). */
public final class NoteSigner {
    private final Ed25519PrivateKeyParameters privateKey;
    private final VerifierKey verifierKey;

    public NoteSigner(String keyName, Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.verifierKey = VerifierKey.of(keyName, privateKey.generatePublicKey().getEncoded());
    }

    /** A signer from a raw 32-byte Ed25519 seed (RFC 8032's "secret key"). */
    public static NoteSigner fromSeed(String keyName, byte[] seed) {
        return new NoteSigner(keyName, new Ed25519PrivateKeyParameters(seed, 0));
    }

    public VerifierKey verifierKey() {
        return verifierKey;
    }

    /** The raw Ed25519 signature of {@code message}. */
    public byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /** The signature line for a note's text. */
    public NoteSignature signText(String text) {
        return new NoteSignature(verifierKey.name(), verifierKey.id(), sign(text.getBytes(StandardCharsets.UTF_8)));
    }

    Ed25519PrivateKeyParameters privateKey() {
        return privateKey;
    }
}
