package kyodo.ledger.journal.checkpoint;

import kyodo.ledger.journal.note.NoteFormatException;
import kyodo.ledger.journal.note.PublicKeyFile;
import kyodo.ledger.journal.note.VerifierKey;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The signing keys of a log, as files in one directory outside the repository and the database:
 * {@code <stem>.key} (PKCS#8 PEM, readable by the owner only), {@code <stem>.pub} (SPKI PEM) and
 * {@code <stem>.vkey}. Each PEM file says its key name and id above the block, as RFC 7468 allows. Every
 * {@code .key} file in the directory signs, which is how a rotation adds a key before retiring the old one.
 */
public final class KeyDirectory {
    public static final int KEYS_MAX = CheckpointSigner.SIGNERS_MAX;
    private static final String NAME_HEADER = "Key name: ";
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private KeyDirectory() {
    }

    /**
     * The keys in {@code directory}; if none of them is named {@code keyName}, a new key of that name is made
     * first. C2SP tlog-checkpoint says a log's key name should be its origin, so a log whose older key has another
     * name gets one named after its origin beside it: both sign from then on (a rotation), and checkpoints signed
     * before keep verifying under the older key, whose public files stay in the directory.
     */
    public static List<NoteSigner> loadOrCreate(Path directory, String keyName) {
        List<NoteSigner> signers = load(directory);
        if (signers.stream().noneMatch(signer -> signer.verifierKey().name().equals(keyName))) {
            create(directory, keyName);
            signers = load(directory);
        }
        return signers;
    }

    /**
     * Every public key in {@code directory}, signing or retired: a key whose {@code .key} file was removed after a
     * rotation signs no more, but its {@code .vkey} stays so that the checkpoints it signed can still be verified.
     * In file-name order; files that are not a vkey are skipped.
     */
    public static List<VerifierKey> publicKeys(Path directory) {
        List<VerifierKey> keys = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return keys;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.vkey")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list public keys in " + directory, e);
        }
        files.sort(null);
        for (Path file : files) {
            try {
                VerifierKey key = VerifierKey.parseVkey(Files.readString(file, StandardCharsets.US_ASCII));
                if (!keys.contains(key) && keys.size() < PublicKeyFile.KEYS_MAX) {
                    keys.add(key);
                }
            } catch (IOException | NoteFormatException e) {
                // A stray or half-written file names no key; the signing keys come from the .key files anyway.
                continue;
            }
        }
        return keys;
    }

    /** Every key in {@code directory}, in file-name order. */
    public static List<NoteSigner> load(Path directory) {
        List<NoteSigner> signers = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return signers;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.key")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list signing keys in " + directory, e);
        }
        files.sort(null);
        if (files.size() > KEYS_MAX) {
            throw new IllegalStateException(directory + " holds " + files.size() + " keys; at most " + KEYS_MAX + " sign");
        }
        for (Path file : files) {
            signers.add(read(file));
        }
        return signers;
    }

    /** Generates a new key named {@code keyName} into {@code directory} and returns its signer. */
    public static NoteSigner create(Path directory, String keyName) {
        Ed25519PrivateKeyParameters privateKey = new Ed25519PrivateKeyParameters(new SecureRandom());
        NoteSigner signer = new NoteSigner(keyName, privateKey);
        VerifierKey key = signer.verifierKey();
        String stem = key.name().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + key.idHex();
        try {
            Files.createDirectories(directory);
            String header = NAME_HEADER + key.name() + "\nKey ID: " + key.idHex() + "\n";
            byte[] pkcs8 = PrivateKeyInfoFactory.createPrivateKeyInfo(privateKey).getEncoded();
            byte[] spki = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(privateKey.generatePublicKey())
                    .getEncoded();
            // The private key is written last: a process killed half-way leaves no key that signs without its
            // public files (or a truncated key that would stop every later start).
            writeNew(directory.resolve(stem + ".pub"), header + "vkey: " + key.vkey() + "\n"
                    + pem("PUBLIC KEY", spki), false);
            writeNew(directory.resolve(stem + ".vkey"), key.vkey() + "\n", false);
            writeNew(directory.resolve(stem + ".key"), header + pem("PRIVATE KEY", pkcs8), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a new signing key into " + directory, e);
        }
        return signer;
    }

    private static NoteSigner read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII);
            String name = null;
            for (String line : text.split("\n")) {
                if (line.startsWith(NAME_HEADER)) {
                    name = line.substring(NAME_HEADER.length()).strip();
                }
            }
            if (name == null) {
                throw new IllegalStateException(file + " has no \"" + NAME_HEADER.strip() + "\" line");
            }
            PemObject pem = new PemReader(new StringReader(text.substring(text.indexOf("-----BEGIN")))).readPemObject();
            if (pem == null || !pem.getType().equals("PRIVATE KEY")) {
                throw new IllegalStateException(file + " holds no PKCS#8 PRIVATE KEY block");
            }
            if (!(PrivateKeyFactory.createKey(pem.getContent()) instanceof Ed25519PrivateKeyParameters ed25519)) {
                throw new IllegalStateException(file + " holds a private key that is not Ed25519");
            }
            return new NoteSigner(name, ed25519);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read signing key " + file, e);
        }
    }

    private static String pem(String type, byte[] der) throws IOException {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject(type, der));
        }
        return out.toString();
    }

    /**
     * Writes a whole file or none: into a temporary file beside it, then renamed into place, so that a crash never
     * leaves a truncated key under its final name.
     */
    private static void writeNew(Path file, String text, boolean secret) throws IOException {
        if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        Path temporary = secret && posix
                ? Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp",
                        PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
