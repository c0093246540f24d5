package kyodo.ledger.journal.note;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * A C2SP tlog-cosignature/v1 (Ed25519): a witness's statement that, at {@code timestamp} (POSIX seconds), the
 * checkpoint was the largest consistent tree it had seen of that log. On a note's signature line it is
 * {@code — <name> base64(key id || u64 timestamp, big-endian || 64-byte Ed25519 signature)}; the signature covers
 * {@code "cosignature/v1\n" + "time " + timestamp + "\n" + checkpoint body}.
 */
public record Cosignature(String keyName, int keyId, long timestamp, byte[] signature) {
    public static final int SIGNATURE_BYTES = 64;
    /** What follows the key id on the signature line: the timestamp and the signature. */
    public static final int BLOB_BYTES = Long.BYTES + SIGNATURE_BYTES;
    private static final String HEADER = "cosignature/v1\n";

    public Cosignature {
        signature = signature.clone();
        if (signature.length != SIGNATURE_BYTES) {
            throw new IllegalArgumentException("an Ed25519 signature has 64 bytes, not " + signature.length);
        }
        if (timestamp < 0) {
            throw new IllegalArgumentException("a cosignature's timestamp must not be negative, was " + timestamp);
        }
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The bytes a cosigner signs for the checkpoint {@code checkpointBody} at {@code timestamp}. */
    public static byte[] message(String checkpointBody, long timestamp) {
        return (HEADER + "time " + timestamp + "\n" + checkpointBody).getBytes(StandardCharsets.UTF_8);
    }

    /** The cosignature as a note signature line's parts. */
    public NoteSignature noteSignature() {
        byte[] blob = new byte[BLOB_BYTES];
        for (int i = 0; i < Long.BYTES; i++) {
            blob[i] = (byte) (timestamp >>> (56 - 8 * i));
        }
        System.arraycopy(signature, 0, blob, Long.BYTES, SIGNATURE_BYTES);
        return new NoteSignature(keyName, keyId, blob);
    }

    /** The cosignature a note signature line carries, if it has the cosignature/v1 shape (72 bytes after the id). */
    public static Optional<Cosignature> of(NoteSignature line) {
        byte[] blob = line.signature();
        if (blob.length != BLOB_BYTES) {
            return Optional.empty();
        }
        long timestamp = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            timestamp = (timestamp << 8) | (blob[i] & 0xFF);
        }
        if (timestamp < 0) {
            return Optional.empty();
        }
        return Optional.of(new Cosignature(line.keyName(), line.keyId(), timestamp,
                Arrays.copyOfRange(blob, Long.BYTES, blob.length)));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cosignature that && keyName.equals(that.keyName) && keyId == that.keyId
                && timestamp == that.timestamp && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return keyName.hashCode() * 31 + keyId;
    }

    @Override
    public String toString() {
        return keyName + "+" + String.format("%08x", keyId) + " @" + timestamp;
    }
}
