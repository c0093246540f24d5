package kyodo.ledger.journal.witness;

import kyodo.ledger.journal.note.Cosignature;
import kyodo.ledger.journal.note.CosignerKey;
import kyodo.ledger.journal.note.NoteFormatException;
import kyodo.ledger.journal.note.VerifierKey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.EnumSet;

/**
 * A witness's Ed25519 signing key in one file, made and read with the JDK alone:
 * {@code Key name:}, {@code Key ID:} and {@code vkey:} lines (the vkey is what the log's operator configures),
 * then the PKCS#8 {@code PRIVATE KEY} PEM block; readable by its owner only. The vkey carries the public key,
 * because the JDK cannot derive it from a private key; reading checks that the two belong together.
 */
public final class WitnessKey {
    static final long FILE_BYTES_MAX = 16 * 1024;
    private static final String NAME_HEADER = "Key name:";
    private static final String VKEY_HEADER = "vkey:";
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private final CosignerKey publicKey;
    private final PrivateKey privateKey;

    private WitnessKey(CosignerKey publicKey, PrivateKey privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    /** The public half, as the log's operator configures it. */
    public CosignerKey cosignerKey() {
        return publicKey;
    }

    /** Cosigns the checkpoint whose note body is {@code checkpointBody} at {@code timestamp} (POSIX seconds). */
    public Cosignature cosign(String checkpointBody, long timestamp) {
        byte[] message = Cosignature.message(checkpointBody, timestamp);
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(message);
            return new Cosignature(publicKey.name(), publicKey.id(), timestamp, signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK could not sign with an Ed25519 key", e);
        }
    }

    /** Makes a new key named {@code name} in {@code file}, which must not exist yet. */
    public static WitnessKey create(Path file, String name) throws IOException {
        if (!VerifierKey.validName(name)) {
            throw new IllegalArgumentException("a witness name is 1.." + VerifierKey.NAME_LENGTH_MAX
                    + " characters without spaces or '+', was \"" + name + "\"");
        }
        if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no Ed25519", e);
        }
        byte[] raw;
        try {
            raw = VerifierKey.rawFromSpki(pair.getPublic().getEncoded());
        } catch (NoteFormatException e) {
            throw new IllegalStateException("the JDK's Ed25519 public key is not an RFC 8410 key", e);
        }
        CosignerKey key = CosignerKey.of(name, raw);
        String text = NAME_HEADER + " " + name + "\nKey ID: " + key.idHex() + "\n" + VKEY_HEADER + " " + key.vkey()
                + "\n" + BEGIN + "\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPrivate().getEncoded()) + "\n" + END + "\n";
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        // Written beside the final name, then renamed: a crash never leaves half a key under that name.
        Path temporary = posix
                ? Files.createTempFile(directory, ".witness-key", ".tmp", PosixFilePermissions.asFileAttribute(
                        EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)))
                : Files.createTempFile(directory, ".witness-key", ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return new WitnessKey(key, pair.getPrivate());
    }

    /** Reads a key file written by {@link #create}. */
    public static WitnessKey read(Path file) throws IOException, NoteFormatException {
        if (Files.size(file) > FILE_BYTES_MAX) {
            throw new NoteFormatException("the witness key file is larger than " + FILE_BYTES_MAX + " bytes");
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        CosignerKey key = null;
        StringBuilder base64 = null;
        boolean ended = false;
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.startsWith(VKEY_HEADER)) {
                key = CosignerKey.parseVkey(line.substring(VKEY_HEADER.length()));
            } else if (line.equals(BEGIN)) {
                base64 = new StringBuilder();
            } else if (line.equals(END)) {
                ended = base64 != null;
            } else if (base64 != null && !ended) {
                base64.append(line);
            }
        }
        if (key == null || base64 == null || !ended) {
            throw new NoteFormatException("a witness key file has a \"vkey:\" line and a PRIVATE KEY block");
        }
        PrivateKey privateKey;
        try {
            privateKey = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64.toString())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new NoteFormatException("the witness key file's PRIVATE KEY block is not an Ed25519 PKCS#8 key");
        }
        WitnessKey witnessKey = new WitnessKey(key, privateKey);
        Cosignature probe = witnessKey.cosign("probe\n", 0);
        if (!key.verify("probe\n", probe)) {
            throw new NoteFormatException("the witness key file's private key does not belong to its vkey");
        }
        return witnessKey;
    }
}
