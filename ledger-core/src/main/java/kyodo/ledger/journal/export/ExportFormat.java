package kyodo.ledger.journal.export;

import kyodo.ledger.Account;
import kyodo.ledger.AccountClass;
import kyodo.ledger.AccountFlag;
import kyodo.ledger.AccountId;
import kyodo.ledger.AccountKind;
import kyodo.ledger.Asset;
import kyodo.ledger.EntryKey;
import kyodo.ledger.EntryKind;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.JournalLeg;
import kyodo.ledger.LedgerId;
import kyodo.ledger.LegKind;
import kyodo.ledger.Totals;
import kyodo.ledger.journal.json.JsonReader;
import kyodo.ledger.journal.json.JsonWriter;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/**
 * The JSON Lines export format, version 1 (specified in {@code ledger-core/VERIFIABLE-JOURNAL.md}). Line 1 is
 * the header, then one line per account, then one line per entry in sequence order. Every value that the
 * canonical encoding covers is written exactly, so a verifier can re-encode the entry byte for byte.
 */
public final class ExportFormat {
    public static final String FORMAT = "kyodo-journal";
    public static final int VERSION = 1;
    private static final HexFormat HEX = HexFormat.of();
    /** Validated assets and kinds by code: a verifier meets the same few codes a million times. */
    private static final int CODES_CACHED_MAX = 1024;
    private static final Map<String, Asset> ASSETS = new ConcurrentHashMap<>();
    private static final Map<String, EntryKind> KINDS = new ConcurrentHashMap<>();

    private ExportFormat() {
    }

    /** The header: what the file holds, so a truncated file can be told from a short journal. */
    public record Header(LedgerId ledger, long entries, long accounts, byte[] headHash) {
        public Header {
            headHash = headHash.clone();
        }

        @Override
        public byte[] headHash() {
            return headHash.clone();
        }
    }

    public static String header(Header header) {
        StringBuilder out = new StringBuilder(160);
        new JsonWriter(out).beginObject()
                .field("type", FORMAT).field("version", VERSION)
                .field("ledger", header.ledger().value())
                .field("entries", header.entries())
                .field("accounts", header.accounts())
                .field("headHash", HEX.formatHex(header.headHash()))
                .endObject();
        return out.toString();
    }

    public static String account(Account account) {
        StringBuilder out = new StringBuilder(256);
        JsonWriter json = new JsonWriter(out).beginObject()
                .field("type", "account")
                .field("id", account.id().value())
                .field("code", account.code())
                .field("asset", account.asset().code())
                .field("scale", account.asset().scale())
                .field("kind", account.kind().name());
        json.name("flags").beginArray();
        for (AccountFlag flag : AccountFlag.values()) {
            if (account.has(flag)) {
                json.value(flag.name());
            }
        }
        json.endArray();
        Totals totals = account.totals();
        json.field("debitsPosted", totals.debitsPosted())
                .field("creditsPosted", totals.creditsPosted())
                .field("debitsPending", totals.debitsPending())
                .field("creditsPending", totals.creditsPending())
                .field("openedAt", account.openedAt().toString())
                .endObject();
        return out.toString();
    }

    public static String entry(JournalEntry entry, byte[] leafHash, LongFunction<String> codes) {
        StringBuilder out = new StringBuilder(512);
        JsonWriter json = new JsonWriter(out).beginObject()
                .field("type", "entry")
                .field("ledger", entry.ledger().value())
                .field("sequence", entry.sequence())
                .field("key", entry.key().value())
                .field("kind", entry.kind().code())
                .field("actor", entry.actor())
                .field("memo", entry.memo())
                .field("metadata", entry.metadata())
                .field("postedAt", entry.postedAt().toString());
        json.name("legs").beginArray();
        for (JournalLeg leg : entry.legs()) {
            json.beginObject()
                    .field("index", leg.index())
                    .field("kind", String.valueOf(leg.kind().letter()))
                    .field("debit", leg.debit().value())
                    .field("debitCode", codes.apply(leg.debit().value()))
                    .field("credit", leg.credit().value())
                    .field("creditCode", codes.apply(leg.credit().value()))
                    .field("asset", leg.asset().code())
                    .field("amount", leg.amount())
                    .field("released", leg.released())
                    .field("pendingSequence", leg.pendingSequence())
                    .field("pendingLeg", leg.pendingLeg())
                    .field("expiresAt", leg.expiresAt() == null ? null : leg.expiresAt().toString())
                    .endObject();
        }
        json.endArray()
                .field("hash", HEX.formatHex(entry.hash()))
                .field("leafHash", HEX.formatHex(leafHash))
                .endObject();
        return out.toString();
    }

    public static Header readHeader(Map<String, Object> line) throws ExportFormatException {
        if (!FORMAT.equals(line.get("type"))) {
            throw new ExportFormatException("the first line is not a " + FORMAT + " header");
        }
        long version = number(line, "version");
        if (version != VERSION) {
            throw new ExportFormatException("export format version " + version + " is not supported (only " + VERSION + ")");
        }
        return new Header(ledger(number(line, "ledger")), nonNegative(line, "entries"), nonNegative(line, "accounts"),
                hash(line, "headHash"));
    }

    public static Account readAccount(Map<String, Object> line) throws ExportFormatException {
        expectType(line, "account");
        long id = number(line, "id");
        if (id < 1) {
            throw new ExportFormatException("account id must be positive, was " + id);
        }
        Asset asset = asset(text(line, "asset"), number(line, "scale"));
        AccountKind kind;
        try {
            kind = AccountKind.valueOf(text(line, "kind"));
        } catch (IllegalArgumentException e) {
            throw new ExportFormatException("unknown account kind \"" + line.get("kind") + "\"");
        }
        Set<AccountFlag> flags = EnumSet.noneOf(AccountFlag.class);
        for (Object flag : list(line, "flags")) {
            try {
                flags.add(AccountFlag.valueOf(String.valueOf(flag)));
            } catch (IllegalArgumentException e) {
                throw new ExportFormatException("unknown account flag \"" + flag + "\"");
            }
        }
        Totals totals = new Totals(nonNegative(line, "debitsPosted"), nonNegative(line, "creditsPosted"),
                nonNegative(line, "debitsPending"), nonNegative(line, "creditsPending"));
        // The export names accounts by code for auditors and the verifier; classes are for queries of the books.
        return new Account(new AccountId(id), text(line, "code"), asset, kind, flags, null, totals,
                instant(line, "openedAt"), AccountClass.UNCLASSIFIED);
    }

    /**
     * Reads an entry line with the streaming reader: the verifier reads millions of these, and building maps
     * for them is its slowest step. Same rules as the map form: every field present once, of its type; unknown
     * fields are skipped.
     */
    public static ExportedEntry readEntry(String line) throws ExportFormatException, JsonReader.JsonException {
        JsonReader json = JsonReader.streaming(line);
        EntryFields fields = new EntryFields();
        json.beginObject();
        int position = 0;
        while (json.hasNext()) {
            String name = json.nextName(EntryFields.NAMES, position++);
            switch (name) {
                case "type" -> {
                    fields.seen(EntryFields.TYPE, name);
                    String type = json.nextString();
                    if (!type.equals("entry")) {
                        throw new ExportFormatException("expected a line of type \"entry\", found type \"" + type + "\"");
                    }
                }
                case "ledger" -> {
                    fields.seen(EntryFields.LEDGER, name);
                    fields.ledger = json.nextLong();
                }
                case "sequence" -> {
                    fields.seen(EntryFields.SEQUENCE, name);
                    fields.sequence = json.nextLong();
                }
                case "key" -> {
                    fields.seen(EntryFields.KEY, name);
                    fields.key = json.nextString();
                }
                case "kind" -> {
                    fields.seen(EntryFields.KIND, name);
                    fields.kind = json.nextString();
                }
                case "actor" -> {
                    fields.seen(EntryFields.ACTOR, name);
                    fields.actor = json.nextString();
                }
                case "memo" -> {
                    fields.seen(EntryFields.MEMO, name);
                    fields.memo = json.nextString();
                }
                case "metadata" -> {
                    fields.seen(EntryFields.METADATA, name);
                    fields.metadata = json.nextStringOrNull();
                }
                case "postedAt" -> {
                    fields.seen(EntryFields.POSTED_AT, name);
                    fields.postedAt = instant(json.nextString(), name);
                }
                case "legs" -> {
                    fields.seen(EntryFields.LEGS, name);
                    json.beginArray();
                    while (json.hasNext()) {
                        readLeg(json, fields);
                    }
                    json.endArray();
                }
                case "hash" -> {
                    fields.seen(EntryFields.HASH, name);
                    fields.hash = hash(json.nextString(), name);
                }
                case "leafHash" -> {
                    fields.seen(EntryFields.LEAF_HASH, name);
                    fields.leafHash = hash(json.nextString(), name);
                }
                default -> json.skipValue();
            }
        }
        json.endObject();
        json.end();
        fields.complete(EntryFields.ALL, EntryFields.NAMES);
        JournalEntry entry = new JournalEntry(ledger(fields.ledger), fields.sequence, new EntryKey(fields.key),
                entryKind(fields.kind), fields.actor, fields.memo, fields.metadata, fields.postedAt, fields.legs,
                fields.hash);
        return new ExportedEntry(entry, fields.leafHash, fields.debitCodes, fields.creditCodes);
    }

    private static void readLeg(JsonReader json, EntryFields entry) throws ExportFormatException, JsonReader.JsonException {
        LegFields leg = new LegFields();
        json.beginObject();
        int position = 0;
        while (json.hasNext()) {
            String name = json.nextName(LegFields.NAMES, position++);
            switch (name) {
                case "index" -> leg.index = leg.number(LegFields.INDEX, name, json, 0, 0xFFFF);
                case "kind" -> {
                    leg.seen(LegFields.KIND, name);
                    String kind = json.nextString();
                    if (kind.length() != 1 || "PHCV".indexOf(kind.charAt(0)) < 0) {
                        throw new ExportFormatException("leg kind must be P, H, C or V, was \"" + kind + "\"");
                    }
                    leg.kind = LegKind.ofLetter(kind.charAt(0));
                }
                case "debit" -> leg.debit = leg.number(LegFields.DEBIT, name, json, Long.MIN_VALUE, Long.MAX_VALUE);
                case "credit" -> leg.credit = leg.number(LegFields.CREDIT, name, json, Long.MIN_VALUE, Long.MAX_VALUE);
                case "debitCode" -> {
                    leg.seen(LegFields.DEBIT_CODE, name);
                    leg.debitCode = json.nextString();
                }
                case "creditCode" -> {
                    leg.seen(LegFields.CREDIT_CODE, name);
                    leg.creditCode = json.nextString();
                }
                case "asset" -> {
                    leg.seen(LegFields.ASSET, name);
                    leg.asset = legAsset(json.nextString());
                }
                case "amount" -> leg.amount = leg.number(LegFields.AMOUNT, name, json, Long.MIN_VALUE, Long.MAX_VALUE);
                case "released" -> leg.released = leg.number(LegFields.RELEASED, name, json, Long.MIN_VALUE, Long.MAX_VALUE);
                case "pendingSequence" -> leg.pendingSequence = leg.number(LegFields.PENDING_SEQUENCE, name, json,
                        Long.MIN_VALUE, Long.MAX_VALUE);
                case "pendingLeg" -> leg.pendingLeg = leg.number(LegFields.PENDING_LEG, name, json, -1, 0xFFFE);
                case "expiresAt" -> {
                    leg.seen(LegFields.EXPIRES_AT, name);
                    String expires = json.nextStringOrNull();
                    leg.expiresAt = expires == null ? null : instant(expires, name);
                }
                default -> json.skipValue();
            }
        }
        json.endObject();
        leg.complete(LegFields.ALL, LegFields.NAMES);
        entry.legs.add(new JournalLeg((int) leg.index, leg.kind, new AccountId(leg.debit), new AccountId(leg.credit),
                leg.asset, leg.amount, leg.released, leg.pendingSequence, (int) leg.pendingLeg, leg.expiresAt));
        entry.debitCodes.add(leg.debitCode);
        entry.creditCodes.add(leg.creditCode);
    }

    /** Which fields a line has shown, so that a missing or repeated field is named. */
    private static class Seen {
        private int bits;

        final void seen(int bit, String name) throws ExportFormatException {
            if ((bits & bit) != 0) {
                throw new ExportFormatException("field \"" + name + "\" appears twice");
            }
            bits |= bit;
        }

        final void complete(int all, String[] names) throws ExportFormatException {
            if (bits != all) {
                for (int i = 0; i < names.length; i++) {
                    if ((bits & (1 << i)) == 0) {
                        throw new ExportFormatException("field \"" + names[i] + "\" is missing");
                    }
                }
            }
        }

        final long number(int bit, String name, JsonReader json, long min, long max)
                throws ExportFormatException, JsonReader.JsonException {
            seen(bit, name);
            long value = json.nextLong();
            if (value < min || value > max) {
                throw new ExportFormatException("\"" + name + "\" must be in " + min + ".." + max + ", was " + value);
            }
            return value;
        }
    }

    private static final class EntryFields extends Seen {
        // In the order the writer puts them, so that the reader's guess is usually right.
        static final String[] NAMES = {"type", "ledger", "sequence", "key", "kind", "actor", "memo", "metadata",
                "postedAt", "legs", "hash", "leafHash"};
        static final int TYPE = 1;
        static final int LEDGER = 1 << 1;
        static final int SEQUENCE = 1 << 2;
        static final int KEY = 1 << 3;
        static final int KIND = 1 << 4;
        static final int ACTOR = 1 << 5;
        static final int MEMO = 1 << 6;
        static final int METADATA = 1 << 7;
        static final int POSTED_AT = 1 << 8;
        static final int LEGS = 1 << 9;
        static final int HASH = 1 << 10;
        static final int LEAF_HASH = 1 << 11;
        static final int ALL = (1 << 12) - 1;

        long ledger;
        long sequence;
        String key;
        String kind;
        String actor;
        String memo;
        String metadata;
        Instant postedAt;
        byte[] hash;
        byte[] leafHash;
        final List<JournalLeg> legs = new ArrayList<>(4);
        final List<String> debitCodes = new ArrayList<>(4);
        final List<String> creditCodes = new ArrayList<>(4);
    }

    private static final class LegFields extends Seen {
        static final String[] NAMES = {"index", "kind", "debit", "credit", "debitCode", "creditCode", "asset",
                "amount", "released", "pendingSequence", "pendingLeg", "expiresAt"};
        static final int INDEX = 1;
        static final int KIND = 1 << 1;
        static final int DEBIT = 1 << 2;
        static final int CREDIT = 1 << 3;
        static final int DEBIT_CODE = 1 << 4;
        static final int CREDIT_CODE = 1 << 5;
        static final int ASSET = 1 << 6;
        static final int AMOUNT = 1 << 7;
        static final int RELEASED = 1 << 8;
        static final int PENDING_SEQUENCE = 1 << 9;
        static final int PENDING_LEG = 1 << 10;
        static final int EXPIRES_AT = 1 << 11;
        static final int ALL = (1 << 12) - 1;

        long index;
        LegKind kind;
        long debit;
        long credit;
        String debitCode;
        String creditCode;
        Asset asset;
        long amount;
        long released;
        long pendingSequence;
        long pendingLeg;
        Instant expiresAt;
    }

    private static EntryKind entryKind(String kind) throws ExportFormatException {
        EntryKind entryKind = KINDS.get(kind);
        if (entryKind == null) {
            entryKind = new EntryKind(kind);
            if (!entryKind.valid()) {
                throw new ExportFormatException("entry kind \"" + kind + "\" is not a valid kind");
            }
            if (KINDS.size() < CODES_CACHED_MAX) {
                KINDS.put(kind, entryKind);
            }
        }
        return entryKind;
    }

    private static void expectType(Map<String, Object> line, String type) throws ExportFormatException {
        if (!type.equals(line.get("type"))) {
            throw new ExportFormatException("expected a line of type \"" + type + "\", found type \""
                    + line.get("type") + "\"");
        }
    }

    private static LedgerId ledger(long value) throws ExportFormatException {
        if (value < 1) {
            throw new ExportFormatException("ledger id must be positive, was " + value);
        }
        return new LedgerId(value);
    }

    /** A leg's asset; the canonical encoding holds only its code, so the scale here is nominal (0). */
    private static Asset legAsset(String code) throws ExportFormatException {
        Asset asset = ASSETS.get(code);
        if (asset == null) {
            asset = asset(code, 0);
            if (ASSETS.size() < CODES_CACHED_MAX) {
                ASSETS.put(code, asset);
            }
        }
        return asset;
    }

    private static Asset asset(String code, long scale) throws ExportFormatException {
        try {
            return new Asset(code, (int) Math.max(-1, Math.min(scale, Integer.MAX_VALUE)));
        } catch (IllegalArgumentException e) {
            throw new ExportFormatException(e.getMessage());
        }
    }

    private static long number(Map<String, Object> line, String field) throws ExportFormatException {
        if (!(line.get(field) instanceof Long value)) {
            throw new ExportFormatException(missingOr(line, field, "a whole number"));
        }
        return value;
    }

    private static long nonNegative(Map<String, Object> line, String field) throws ExportFormatException {
        return range(line, field, 0, Long.MAX_VALUE);
    }

    private static long range(Map<String, Object> line, String field, long min, long max) throws ExportFormatException {
        long value = number(line, field);
        if (value < min || value > max) {
            throw new ExportFormatException("\"" + field + "\" must be in " + min + ".." + max + ", was " + value);
        }
        return value;
    }

    private static String text(Map<String, Object> line, String field) throws ExportFormatException {
        if (!(line.get(field) instanceof String value)) {
            throw new ExportFormatException(missingOr(line, field, "a string"));
        }
        return value;
    }

    private static List<Object> list(Map<String, Object> line, String field) throws ExportFormatException {
        if (!(line.get(field) instanceof List<?> value)) {
            throw new ExportFormatException(missingOr(line, field, "an array"));
        }
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) value;
        return list;
    }

    private static Instant instant(Map<String, Object> line, String field) throws ExportFormatException {
        return instant(text(line, field), field);
    }

    private static Instant instant(String text, String field) throws ExportFormatException {
        Instant fast = Timestamps.parseUtc(text);
        if (fast != null) {
            return fast;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw new ExportFormatException("\"" + field + "\" is not an ISO-8601 instant: \"" + text + "\"");
        }
    }

    private static byte[] hash(Map<String, Object> line, String field) throws ExportFormatException {
        return hash(text(line, field), field);
    }

    private static byte[] hash(String text, String field) throws ExportFormatException {
        if (text.length() != 64) {
            throw new ExportFormatException("\"" + field + "\" must be 64 hex digits");
        }
        try {
            return HEX.parseHex(text);
        } catch (IllegalArgumentException e) {
            throw new ExportFormatException("\"" + field + "\" must be 64 hex digits");
        }
    }

    private static String missingOr(Map<String, Object> line, String field, String what) {
        return line.containsKey(field) ? "\"" + field + "\" must be " + what : "field \"" + field + "\" is missing";
    }
}
