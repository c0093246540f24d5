package kyodo.ledger.journal.note;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP signed note: a text ending in a newline, a blank line, then one line per signature,
 * {@code — <key name> <base64(4-byte key id || signature)>} (U+2014 em dash, then a space). The signature
 * covers the text bytes including the text's final newline and nothing after it.
 */
public record SignedNote(String text, List<NoteSignature> signatures) {
    /** Bounds on notes from outside: generous for a checkpoint, small enough to read whole. */
    public static final int NOTE_BYTES_MAX = 64 * 1024;
    public static final int SIGNATURES_MAX = 100;
    private static final String SIGNATURE_PREFIX = "\u2014 ";
    private static final int KEY_ID_BYTES = 4;

    public SignedNote {
        signatures = List.copyOf(signatures);
    }

    /** The note as published: text, blank line, signature lines. */
    public String format() {
        StringBuilder out = new StringBuilder(text).append('\n');
        for (NoteSignature signature : signatures) {
            byte[] blob = new byte[KEY_ID_BYTES + signature.signature().length];
            blob[0] = (byte) (signature.keyId() >>> 24);
            blob[1] = (byte) (signature.keyId() >>> 16);
            blob[2] = (byte) (signature.keyId() >>> 8);
            blob[3] = (byte) signature.keyId();
            System.arraycopy(signature.signature(), 0, blob, KEY_ID_BYTES, signature.signature().length);
            out.append(SIGNATURE_PREFIX).append(signature.keyName()).append(' ')
                    .append(Base64.getEncoder().encodeToString(blob)).append('\n');
        }
        return out.toString();
    }

    public SignedNote with(NoteSignature signature) {
        List<NoteSignature> all = new ArrayList<>(signatures);
        all.add(signature);
        return new SignedNote(text, all);
    }

    /** Parses a note; the signatures are not checked here (see {@link #verify}). */
    public static SignedNote parse(String note) throws NoteFormatException {
        if (note.getBytes(StandardCharsets.UTF_8).length > NOTE_BYTES_MAX) {
            throw new NoteFormatException("the note is longer than " + NOTE_BYTES_MAX + " bytes");
        }
        for (int i = 0; i < note.length(); i++) {
            char c = note.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new NoteFormatException("the note holds a control character (code " + (int) c + ")");
            }
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new NoteFormatException("the note has no blank line before its signatures");
        }
        String text = note.substring(0, split + 1);
        String lines = note.substring(split + 2);
        if (!lines.endsWith("\n")) {
            throw new NoteFormatException("the note's last signature line does not end with a newline");
        }
        List<NoteSignature> signatures = new ArrayList<>();
        for (String line : lines.substring(0, lines.length() - 1).split("\n", -1)) {
            if (signatures.size() == SIGNATURES_MAX) {
                throw new NoteFormatException("the note has more than " + SIGNATURES_MAX + " signatures");
            }
            signatures.add(parseLine(line));
        }
        return new SignedNote(text, signatures);
    }

    private static NoteSignature parseLine(String line) throws NoteFormatException {
        if (!line.startsWith(SIGNATURE_PREFIX)) {
            throw new NoteFormatException("a signature line must start with an em dash (U+2014) and a space: \""
                    + shorten(line) + "\"");
        }
        String rest = line.substring(SIGNATURE_PREFIX.length());
        int space = rest.indexOf(' ');
        if (space <= 0 || rest.indexOf(' ', space + 1) >= 0) {
            throw new NoteFormatException("a signature line is \"— <key name> <base64 signature>\": \""
                    + shorten(line) + "\"");
        }
        String name = rest.substring(0, space);
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(rest.substring(space + 1));
        } catch (IllegalArgumentException e) {
            throw new NoteFormatException("the signature of " + name + " is not base64");
        }
        if (!VerifierKey.validName(name) || blob.length <= KEY_ID_BYTES) {
            throw new NoteFormatException("the signature line of \"" + shorten(name) + "\" is malformed");
        }
        int id = ((blob[0] & 0xFF) << 24) | ((blob[1] & 0xFF) << 16) | ((blob[2] & 0xFF) << 8) | (blob[3] & 0xFF);
        byte[] signature = new byte[blob.length - KEY_ID_BYTES];
        System.arraycopy(blob, KEY_ID_BYTES, signature, 0, signature.length);
        return new NoteSignature(name, id, signature);
    }

    /**
     * Checks the signatures made by {@code trusted} keys. As in Go's note.Open, signatures by other keys are
     * ignored, but one bad signature by a trusted key rejects the whole note.
     */
    public Verification verify(List<VerifierKey> trusted) {
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        List<VerifierKey> by = new ArrayList<>();
        for (NoteSignature signature : signatures) {
            for (VerifierKey key : trusted) {
                if (key.id() == signature.keyId() && key.name().equals(signature.keyName())) {
                    if (!key.verify(message, signature.signature())) {
                        return new Verification(List.of(), key);
                    }
                    if (!by.contains(key)) {
                        by.add(key);
                    }
                }
            }
        }
        return new Verification(by, null);
    }

    /** Which trusted keys signed the note, or which trusted key's signature failed. */
    public record Verification(List<VerifierKey> signedBy, VerifierKey failedKey) {
        public Verification {
            signedBy = List.copyOf(signedBy);
        }

        public boolean verified() {
            return failedKey == null && !signedBy.isEmpty();
        }
    }

    static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
