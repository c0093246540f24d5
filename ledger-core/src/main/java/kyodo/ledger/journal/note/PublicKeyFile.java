package kyodo.ledger.journal.note;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads trusted keys from the text of a key file: vkey lines ({@code name+id+base64}), and PEM public keys
 * (SPKI). Kyodo writes {@code Key name: ...} above the PEM block (RFC 7468 allows explanatory text outside
 * the boundaries); a PEM block without a name still works, because a signature line's name and key id
 * identify the key: see {@link #nameless}.
 */
public final class PublicKeyFile {
    public static final int FILE_BYTES_MAX = 64 * 1024;
    public static final int KEYS_MAX = 100;
    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";
    private static final String NAME_HEADER = "Key name:";
    private static final String ID_HEADER = "Key ID:";
    private static final String VKEY_HEADER = "vkey:";

    private PublicKeyFile() {
    }

    /** A key from a file, with its name when the file gave one. */
    public record Entry(Optional<String> name, byte[] publicKey) {
        public Entry {
            publicKey = publicKey.clone();
        }

        @Override
        public byte[] publicKey() {
            return publicKey.clone();
        }
    }

    public static List<Entry> parse(String text) throws NoteFormatException {
        List<Entry> keys = new ArrayList<>();
        String pendingName = null;
        NoteFormatException notAKey = null;
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (keys.size() > KEYS_MAX) {
                throw new NoteFormatException("a key file holds at most " + KEYS_MAX + " keys");
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith(NAME_HEADER)) {
                pendingName = line.substring(NAME_HEADER.length()).strip();
            } else if (line.equals(BEGIN)) {
                StringBuilder base64 = new StringBuilder();
                i++;
                while (i < lines.length && !lines[i].strip().equals(END)) {
                    base64.append(lines[i].strip());
                    i++;
                }
                if (i == lines.length) {
                    throw new NoteFormatException("the PEM block has no END line");
                }
                byte[] der;
                try {
                    der = Base64.getDecoder().decode(base64.toString());
                } catch (IllegalArgumentException e) {
                    throw new NoteFormatException("the PEM block is not base64");
                }
                keys.add(new Entry(Optional.ofNullable(pendingName), VerifierKey.rawFromSpki(der)));
                pendingName = null;
            } else if (line.startsWith("-----BEGIN")) {
                throw new NoteFormatException("expected a PUBLIC KEY block, found " + SignedNote.shorten(line)
                        + " (never hand out a private key)");
            } else if (line.startsWith(VKEY_HEADER)) {
                VerifierKey key = VerifierKey.parseVkey(line.substring(VKEY_HEADER.length()).strip());
                keys.add(new Entry(Optional.of(key.name()), key.publicKey()));
            } else if (line.startsWith(ID_HEADER)) {
                // For people: the id is recomputed from the name and the key.
                continue;
            } else {
                // RFC 7468 allows explanatory text around PEM blocks, so a line that is not a vkey only matters
                // when the file holds no key at all.
                try {
                    VerifierKey key = VerifierKey.parseVkey(line);
                    keys.add(new Entry(Optional.of(key.name()), key.publicKey()));
                } catch (NoteFormatException e) {
                    if (notAKey == null) {
                        notAKey = e;
                    }
                }
            }
        }
        if (keys.isEmpty()) {
            throw notAKey != null ? notAKey
                    : new NoteFormatException("no public key found (expected a vkey line or a PEM PUBLIC KEY block)");
        }
        return keys;
    }

    /**
     * The keys without repeats: one key given twice (as a vkey line and as a PEM block, or in two files) is one
     * trusted key. A nameless PEM key already stands for every name whose key id matches it, so it absorbs
     * named copies of the same key; named copies under different names stay apart. Order is kept.
     */
    public static List<Entry> distinct(List<Entry> keys) {
        Map<String, Set<Optional<String>>> namesByKey = new LinkedHashMap<>();
        for (Entry key : keys) {
            namesByKey.computeIfAbsent(HexFormat.of().formatHex(key.publicKey()), k -> new LinkedHashSet<>())
                    .add(key.name());
        }
        List<Entry> distinct = new ArrayList<>();
        for (Map.Entry<String, Set<Optional<String>>> key : namesByKey.entrySet()) {
            byte[] publicKey = HexFormat.of().parseHex(key.getKey());
            if (key.getValue().contains(Optional.<String>empty())) {
                distinct.add(new Entry(Optional.empty(), publicKey));
            } else {
                key.getValue().forEach(name -> distinct.add(new Entry(name, publicKey)));
            }
        }
        return distinct;
    }

    /** How many different public keys {@code keys} hold, whatever their names and encodings. */
    public static int countKeys(List<Entry> keys) {
        return (int) keys.stream().map(key -> HexFormat.of().formatHex(key.publicKey())).distinct().count();
    }

    /**
     * The key that a nameless PEM key would be under {@code keyName}, if the signature line's id says that
     * name and key belong together; the id is a hash over both, so a match cannot be arranged by chance.
     */
    public static Optional<VerifierKey> nameless(byte[] publicKey, NoteSignature signature) {
        if (!VerifierKey.validName(signature.keyName())) {
            return Optional.empty();
        }
        VerifierKey candidate = VerifierKey.of(signature.keyName(), publicKey);
        return candidate.id() == signature.keyId() ? Optional.of(candidate) : Optional.empty();
    }
}
