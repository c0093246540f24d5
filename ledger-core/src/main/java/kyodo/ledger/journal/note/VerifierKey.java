package kyodo.ledger.journal.note;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An Ed25519 public key with the name that signature lines carry. Its key id is the first four bytes
 * (big-endian) of {@code SHA-256(name || 0x0A || 0x01 || public key)}, where 0x01 is the signed-note algorithm
 * byte for Ed25519 — the rule of golang.org/x/mod/sumdb/note and C2SP signed-note. The id binds the name, so a
 * signature line's name and id together pick out the key.
 */
public record VerifierKey(String name, int id, byte[] publicKey) {
    public static final int PUBLIC_KEY_BYTES = 32;
    public static final int NAME_LENGTH_MAX = 256;
    /** The signed-note signature type of Ed25519. */
    public static final byte ALGORITHM_ED25519 = 0x01;
    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the 32 key bytes follow it. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    public VerifierKey {
        publicKey = publicKey.clone();
        if (publicKey.length != PUBLIC_KEY_BYTES) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + publicKey.length);
        }
        if (!validName(name)) {
            throw new IllegalArgumentException("a key name is 1.." + NAME_LENGTH_MAX
                    + " characters without spaces or '+', was \"" + name + "\"");
        }
    }

    /** The key with its id computed from the name and key bytes. */
    public static VerifierKey of(String name, byte[] publicKey) {
        return new VerifierKey(name, keyId(name, publicKey), publicKey);
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** First four bytes of SHA-256(name || '\n' || 0x01 || key), big-endian. */
    public static int keyId(String name, byte[] publicKey) {
        return keyId(name, ALGORITHM_ED25519, publicKey);
    }

    /**
     * First four bytes of SHA-256(name || '\n' || type || key), big-endian: the signed-note key id for any
     * signature type (0x01 a note signature, 0x04 a C2SP tlog-cosignature/v1).
     */
    public static int keyId(String name, byte type, byte[] publicKey) {
        MessageDigest sha = sha256();
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
        sha.update(type);
        sha.update(publicKey);
        byte[] digest = sha.digest();
        return ((digest[0] & 0xFF) << 24) | ((digest[1] & 0xFF) << 16) | ((digest[2] & 0xFF) << 8) | (digest[3] & 0xFF);
    }

    public String idHex() {
        return String.format("%08x", id);
    }

    /** The verifier key text {@code <name>+<hex id>+<base64(0x01 || key)>}. */
    public String vkey() {
        byte[] typed = new byte[1 + PUBLIC_KEY_BYTES];
        typed[0] = ALGORITHM_ED25519;
        System.arraycopy(publicKey, 0, typed, 1, PUBLIC_KEY_BYTES);
        return name + "+" + idHex() + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /** Parses a vkey, checking that its id matches its name and key. */
    public static VerifierKey parseVkey(String text) throws NoteFormatException {
        String vkey = text.strip();
        int first = vkey.indexOf('+');
        int second = first < 0 ? -1 : vkey.indexOf('+', first + 1);
        if (first <= 0 || second < 0) {
            throw new NoteFormatException("a verifier key is <name>+<hex id>+<base64 key>");
        }
        String name = vkey.substring(0, first);
        String hex = vkey.substring(first + 1, second);
        if (!validName(name) || !hex.matches("[0-9a-f]{8}")) {
            throw new NoteFormatException("a verifier key has a name without spaces or '+' and an 8-digit lower-case hex id");
        }
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(vkey.substring(second + 1));
        } catch (IllegalArgumentException e) {
            throw new NoteFormatException("the key part of the verifier key is not base64");
        }
        if (typed.length != 1 + PUBLIC_KEY_BYTES || typed[0] != ALGORITHM_ED25519) {
            throw new NoteFormatException("the verifier key is not an Ed25519 key (type 0x01 and 32 bytes)");
        }
        VerifierKey key = of(name, Arrays.copyOfRange(typed, 1, typed.length));
        if (key.id != (int) Long.parseLong(hex, 16)) {
            throw new NoteFormatException("the verifier key's id " + hex + " does not match its name and key ("
                    + key.idHex() + ")");
        }
        return key;
    }

    /** The DER SubjectPublicKeyInfo of the key. */
    public byte[] spki() {
        return spki(publicKey);
    }

    public static byte[] spki(byte[] publicKey) {
        byte[] der = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + PUBLIC_KEY_BYTES);
        System.arraycopy(publicKey, 0, der, SPKI_PREFIX.length, PUBLIC_KEY_BYTES);
        return der;
    }

    /** The raw key out of a DER SubjectPublicKeyInfo, or an exception if it is not an Ed25519 key. */
    public static byte[] rawFromSpki(byte[] der) throws NoteFormatException {
        if (der.length != SPKI_PREFIX.length + PUBLIC_KEY_BYTES
                || !Arrays.equals(der, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            throw new NoteFormatException("the public key is not an Ed25519 SubjectPublicKeyInfo");
        }
        return Arrays.copyOfRange(der, SPKI_PREFIX.length, der.length);
    }

    /** Whether {@code signature} is this key's Ed25519 signature of {@code message} (JDK provider). */
    public boolean verify(byte[] message, byte[] signature) {
        return verifyEd25519(publicKey, message, signature);
    }

    /** Whether {@code signature} is the Ed25519 signature of {@code message} by the raw {@code publicKey}. */
    static boolean verifyEd25519(byte[] publicKey, byte[] message, byte[] signature) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki(publicKey)));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            // A key that is not a curve point, or a malformed signature, verifies nothing.
            return false;
        }
    }

    /** Whether {@code name} can be a key name: 1..256 characters, no spaces, no {@code +}, no control characters. */
    public static boolean validName(String name) {
        if (name == null || name.isEmpty() || name.length() > NAME_LENGTH_MAX) {
            return false;
        }
        return name.codePoints().noneMatch(c -> c == '+' || Character.isWhitespace(c) || Character.isISOControl(c)
                || Character.isSpaceChar(c));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerifierKey that && name.equals(that.name) && id == that.id
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
