package kyodo.ledger.journal.note;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A C2SP tlog-checkpoint body: {@code <origin>\n<tree size>\n<base64 root hash>\n}. The origin names the log
 * (a schema-less URL by convention) so that a checkpoint of one ledger cannot pass for another's.
 */
public record Checkpoint(String origin, long size, byte[] root) {
    public static final int ORIGIN_LENGTH_MAX = 256;
    public static final int ROOT_BYTES = 32;

    public Checkpoint {
        root = root.clone();
        if (origin == null || origin.isEmpty() || origin.length() > ORIGIN_LENGTH_MAX || origin.contains("\n")) {
            throw new IllegalArgumentException("a checkpoint origin is one non-empty line of at most "
                    + ORIGIN_LENGTH_MAX + " characters");
        }
        if (size < 0) {
            throw new IllegalArgumentException("tree size must not be negative, was " + size);
        }
        if (root.length != ROOT_BYTES) {
            throw new IllegalArgumentException("a root hash has 32 bytes, not " + root.length);
        }
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    public String rootHex() {
        return HexFormat.of().formatHex(root);
    }

    /** The note text that is signed. */
    public String body() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
    }

    /**
     * Parses a checkpoint body. Extension lines after the root are allowed by C2SP and ignored here; the tree
     * size is decimal without leading zeros.
     */
    public static Checkpoint parse(String body) throws NoteFormatException {
        String[] lines = body.split("\n", -1);
        if (lines.length < 4 || !lines[lines.length - 1].isEmpty()) {
            throw new NoteFormatException("a checkpoint is <origin>, <tree size> and <base64 root>, one per line");
        }
        String origin = lines[0];
        if (origin.isEmpty() || origin.length() > ORIGIN_LENGTH_MAX) {
            throw new NoteFormatException("the checkpoint's origin line is empty or too long");
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new NoteFormatException("the checkpoint's tree size is not a decimal number: \""
                    + SignedNote.shorten(lines[1]) + "\"");
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw new NoteFormatException("the checkpoint's tree size is too large");
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new NoteFormatException("the checkpoint's root hash is not base64");
        }
        if (root.length != ROOT_BYTES) {
            throw new NoteFormatException("the checkpoint's root hash has " + root.length + " bytes, not 32");
        }
        return new Checkpoint(origin, size, root);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that && origin.equals(that.origin) && size == that.size
                && Arrays.equals(root, that.root);
    }

    @Override
    public int hashCode() {
        return origin.hashCode() * 31 + Long.hashCode(size);
    }

    @Override
    public String toString() {
        return origin + " @" + size + " " + rootHex();
    }
}
