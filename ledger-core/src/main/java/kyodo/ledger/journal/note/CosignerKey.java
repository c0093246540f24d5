package kyodo.ledger.journal.note;

import java.util.Arrays;
import java.util.Base64;

/**
 * A witness's Ed25519 public key for C2SP tlog-cosignature/v1: signature type {@code 0x04}, so its key id is
 * {@code SHA-256(name || 0x0A || 0x04 || key)[:4]} and its vkey is {@code <name>+<hex id>+<base64(0x04 || key)>}.
 * The name SHOULD be a schema-less URL naming the witness (as a log's key name is its origin).
 */
public record CosignerKey(String name, int id, byte[] publicKey) {
    /** The signed-note signature type of an Ed25519 cosignature/v1. */
    public static final byte ALGORITHM_COSIGNATURE_V1 = 0x04;

    public CosignerKey {
        publicKey = publicKey.clone();
        if (publicKey.length != VerifierKey.PUBLIC_KEY_BYTES) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + publicKey.length);
        }
        if (!VerifierKey.validName(name)) {
            throw new IllegalArgumentException("a key name is 1.." + VerifierKey.NAME_LENGTH_MAX
                    + " characters without spaces or '+', was \"" + name + "\"");
        }
    }

    /** The key with its id computed from the name and key bytes. */
    public static CosignerKey of(String name, byte[] publicKey) {
        return new CosignerKey(name, VerifierKey.keyId(name, ALGORITHM_COSIGNATURE_V1, publicKey), publicKey);
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    public String idHex() {
        return String.format("%08x", id);
    }

    public String vkey() {
        byte[] typed = new byte[1 + VerifierKey.PUBLIC_KEY_BYTES];
        typed[0] = ALGORITHM_COSIGNATURE_V1;
        System.arraycopy(publicKey, 0, typed, 1, VerifierKey.PUBLIC_KEY_BYTES);
        return name + "+" + idHex() + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /** Parses a cosigner vkey (type 0x04), checking that its id matches its name and key. */
    public static CosignerKey parseVkey(String text) throws NoteFormatException {
        String vkey = text.strip();
        int first = vkey.indexOf('+');
        int second = first < 0 ? -1 : vkey.indexOf('+', first + 1);
        if (first <= 0 || second < 0) {
            throw new NoteFormatException("a verifier key is <name>+<hex id>+<base64 key>");
        }
        String name = vkey.substring(0, first);
        String hex = vkey.substring(first + 1, second);
        if (!VerifierKey.validName(name) || !hex.matches("[0-9a-f]{8}")) {
            throw new NoteFormatException("a verifier key has a name without spaces or '+' and an 8-digit "
                    + "lower-case hex id");
        }
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(vkey.substring(second + 1));
        } catch (IllegalArgumentException e) {
            throw new NoteFormatException("the key part of the verifier key is not base64");
        }
        if (typed.length != 1 + VerifierKey.PUBLIC_KEY_BYTES || typed[0] != ALGORITHM_COSIGNATURE_V1) {
            throw new NoteFormatException("the verifier key is not an Ed25519 cosigner key (type 0x04 and 32 bytes)");
        }
        CosignerKey key = of(name, Arrays.copyOfRange(typed, 1, typed.length));
        if (key.id != (int) Long.parseLong(hex, 16)) {
            throw new NoteFormatException("the verifier key's id " + hex + " does not match its name and key ("
                    + key.idHex() + ")");
        }
        return key;
    }

    /** Whether this key made {@code cosignature} of the checkpoint whose note body is {@code checkpointBody}. */
    public boolean verify(String checkpointBody, Cosignature cosignature) {
        return cosignature.keyName().equals(name) && cosignature.keyId() == id
                && VerifierKey.verifyEd25519(publicKey, Cosignature.message(checkpointBody, cosignature.timestamp()),
                cosignature.signature());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CosignerKey that && name.equals(that.name) && id == that.id
                && Arrays.equals(publicKey, that.publicKey);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + id;
    }

    @Override
    public String toString() {
        return name + "+" + idHex();
    }
}
