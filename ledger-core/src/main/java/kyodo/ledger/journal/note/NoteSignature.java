package kyodo.ledger.journal.note;

import java.util.Arrays;

/** One signature line of a note: the key's name, its id and the signature bytes after the id. */
public record NoteSignature(String keyName, int keyId, byte[] signature) {
    public NoteSignature {
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoteSignature that && keyName.equals(that.keyName) && keyId == that.keyId
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return keyName.hashCode() * 31 + keyId;
    }

    @Override
    public String toString() {
        return keyName + "+" + String.format("%08x", keyId);
    }
}
