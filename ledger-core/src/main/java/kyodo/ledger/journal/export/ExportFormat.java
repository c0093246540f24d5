package kyodo.ledger.journal.export;

import kyodo.ledger.Account;
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
        return new Account(new AccountId(id), text(line, "code"), asset, kind, flags, null, totals,
                instant(line, "openedAt"));
    }

    public static ExportedEntry readEntry(Map<String, Object> line) throws ExportFormatException {
        expectType(line, "entry");
        long sequence = number(line, "sequence");
        List<Object> legLines = list(line, "legs");
        List<JournalLeg> legs = new ArrayList<>(legLines.size());
        List<String> debitCodes = new ArrayList<>(legLines.size());
        List<String> creditCodes = new ArrayList<>(legLines.size());
        for (Object item : legLines) {
            if (!(item instanceof Map<?, ?> raw)) {
                throw new ExportFormatException("a leg is not a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> leg = (Map<String, Object>) raw;
            String kind = text(leg, "kind");
            if (kind.length() != 1 || "PHCV".indexOf(kind.charAt(0)) < 0) {
                throw new ExportFormatException("leg kind must be P, H, C or V, was \"" + kind + "\"");
            }
            Object expires = leg.get("expiresAt");
            legs.add(new JournalLeg(
                    (int) range(leg, "index", 0, 0xFFFF),
                    LegKind.ofLetter(kind.charAt(0)),
                    new AccountId(number(leg, "debit")),
                    new AccountId(number(leg, "credit")),
                    legAsset(text(leg, "asset")),
                    number(leg, "amount"),
                    number(leg, "released"),
                    number(leg, "pendingSequence"),
                    (int) range(leg, "pendingLeg", -1, 0xFFFE),
                    expires == null ? null : instant(leg, "expiresAt")));
            debitCodes.add(text(leg, "debitCode"));
            creditCodes.add(text(leg, "creditCode"));
        }
        Object metadata = line.get("metadata");
        if (metadata != null && !(metadata instanceof String)) {
            throw new ExportFormatException("metadata must be null or the metadata's JSON text as a string");
        }
        String kind = text(line, "kind");
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
        JournalEntry entry = new JournalEntry(ledger(number(line, "ledger")), sequence, new EntryKey(text(line, "key")),
                entryKind, text(line, "actor"), text(line, "memo"), (String) metadata, instant(line, "postedAt"),
                legs, hash(line, "hash"));
        return new ExportedEntry(entry, hash(line, "leafHash"), debitCodes, creditCodes);
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
        String text = text(line, field);
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
        String text = text(line, field);
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
