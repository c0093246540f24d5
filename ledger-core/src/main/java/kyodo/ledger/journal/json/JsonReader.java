package kyodo.ledger.journal.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses one JSON text into plain values: {@code Map<String, Object>} (keys in order), {@code List<Object>},
 * {@code String}, {@code Long}, {@code Boolean} and {@code null}. Strict RFC 8259 syntax, bounded nesting,
 * duplicate keys refused; numbers must be integers that fit a {@code long}, because the journal has no other
 * kind. Errors say where and what, for a person reading the verifier's output. {@link #isObject} checks the
 * syntax of entry metadata instead, which may hold any JSON number.
 */
public final class JsonReader {
    public static final int DEPTH_MAX = 16;

    private final String text;
    /** Checking metadata: any RFC 8259 number, duplicate keys allowed, and what {@code jsonb} refuses refused. */
    private final boolean syntaxOnly;
    private int at;
    // For the streaming API: per open object or array, whether its first member is still to come.
    private final boolean[] first = new boolean[DEPTH_MAX + 2];
    private int depth;

    private JsonReader(String text) {
        this(text, false);
    }

    private JsonReader(String text, boolean syntaxOnly) {
        this.text = text;
        this.syntaxOnly = syntaxOnly;
    }

    /**
     * Whether {@code text} is one JSON object (RFC 8259, any number, nested at most {@link #DEPTH_MAX} deep) that
     * can be stored and re-encoded byte for byte: no {@code \u0000} (PostgreSQL's {@code jsonb} refuses it) and no
     * lone surrogate, raw or escaped. The ledger checks entry metadata with it.
     */
    public static boolean isObject(String text) {
        JsonReader reader = new JsonReader(text, true);
        try {
            reader.space();
            if (reader.peek() != '{') {
                return false;
            }
            reader.value(0);
            reader.space();
            return reader.at == text.length();
        } catch (JsonException e) {
            return false;
        }
    }

    /**
     * A streaming reader over {@code text}, for hot paths that want fields without building maps: open objects
     * and arrays, ask {@link #hasNext()}, read names and values, and call {@link #end()} at the end. The syntax
     * is checked exactly as strictly as {@link #parse}.
     */
    public static JsonReader streaming(String text) {
        return new JsonReader(text);
    }

    public void beginObject() throws JsonException {
        open('{');
    }

    public void endObject() throws JsonException {
        close('}');
    }

    public void beginArray() throws JsonException {
        open('[');
    }

    public void endArray() throws JsonException {
        close(']');
    }

    private void open(char c) throws JsonException {
        space();
        expect(c);
        if (++depth > DEPTH_MAX) {
            throw error("JSON nested deeper than " + DEPTH_MAX);
        }
        first[depth] = true;
    }

    private void close(char c) throws JsonException {
        space();
        expect(c);
        depth--;
    }

    /** Whether the open object or array has another member; consumes the comma before it. */
    public boolean hasNext() throws JsonException {
        space();
        char c = peek();
        if (c == '}' || c == ']') {
            return false;
        }
        if (!first[depth]) {
            expect(',');
            space();
        }
        first[depth] = false;
        return true;
    }

    public String nextName() throws JsonException {
        space();
        if (peek() != '"') {
            throw error("expected a quoted field name");
        }
        String name = string();
        space();
        expect(':');
        space();
        return name;
    }

    /**
     * Like {@link #nextName()}, but returns the matching instance from {@code known} without copying the name
     * out of the text when it is one of them (a hot path reads the same few names millions of times).
     */
    public String nextName(String[] known) throws JsonException {
        return nextName(known, 0);
    }

    /** As {@link #nextName(String[])}, trying {@code known[hint]} first: the name a fixed layout puts here. */
    public String nextName(String[] known, int hint) throws JsonException {
        space();
        if (peek() != '"') {
            throw error("expected a quoted field name");
        }
        int start = at + 1;
        if (hint >= 0 && hint < known.length && matchesName(start, known[hint])) {
            return afterName(start, known[hint]);
        }
        for (String name : known) {
            if (matchesName(start, name)) {
                return afterName(start, name);
            }
        }
        return nextName();
    }

    /** Whether the quoted name starting at {@code start} is exactly {@code name} (which needs no escapes). */
    private boolean matchesName(int start, String name) {
        int end = start + name.length();
        return end < text.length() && text.charAt(end) == '"' && text.startsWith(name, start);
    }

    private String afterName(int start, String name) throws JsonException {
        at = start + name.length() + 1;
        space();
        expect(':');
        space();
        return name;
    }

    public String nextString() throws JsonException {
        space();
        if (peek() != '"') {
            throw error("expected a string");
        }
        return string();
    }

    /** A string, or {@code null} for a JSON null. */
    public String nextStringOrNull() throws JsonException {
        space();
        if (peek() == 'n') {
            literal("null", null);
            return null;
        }
        return nextString();
    }

    public long nextLong() throws JsonException {
        space();
        char c = peek();
        if (c != '-' && (c < '0' || c > '9')) {
            throw error("expected a whole number");
        }
        return number();
    }

    /** Skips one value of any kind (a field this reader does not know). */
    public void skipValue() throws JsonException {
        space();
        value(depth);
    }

    /** Checks that nothing but white space follows. */
    public void end() throws JsonException {
        space();
        if (at != text.length()) {
            throw error("unexpected text after the JSON value");
        }
    }

    /** Parses {@code text}, which must hold exactly one JSON value. */
    public static Object parse(String text) throws JsonException {
        JsonReader reader = new JsonReader(text);
        reader.space();
        Object value = reader.value(0);
        reader.space();
        if (reader.at != text.length()) {
            throw reader.error("unexpected text after the JSON value");
        }
        return value;
    }

    /** Parses {@code text}, which must hold one JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) throws JsonException {
        Object value = parse(text);
        if (!(value instanceof Map)) {
            throw new JsonException("expected a JSON object");
        }
        return (Map<String, Object>) value;
    }

    /** A JSON text that does not parse; the message says what and at which character. */
    public static final class JsonException extends Exception {
        public JsonException(String message) {
            super(message, null, false, false);
        }
    }

    private JsonException error(String what) {
        return new JsonException(what + " at character " + (at + 1));
    }

    private Object value(int depth) throws JsonException {
        if (depth > DEPTH_MAX) {
            throw error("JSON nested deeper than " + DEPTH_MAX);
        }
        if (at >= text.length()) {
            throw error("the JSON text ends too early");
        }
        char c = text.charAt(at);
        return switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object(int depth) throws JsonException {
        at++;
        Map<String, Object> map = new LinkedHashMap<>();
        space();
        if (peek() == '}') {
            at++;
            return map;
        }
        while (true) {
            space();
            if (peek() != '"') {
                throw error("expected a quoted field name");
            }
            String name = string();
            space();
            expect(':');
            space();
            Object value = value(depth);
            if (!syntaxOnly && map.containsKey(name)) {
                throw error("field \"" + name + "\" appears twice");
            }
            map.put(name, value);
            space();
            char c = peek();
            at++;
            if (c == '}') {
                return map;
            }
            if (c != ',') {
                at--;
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> array(int depth) throws JsonException {
        at++;
        List<Object> list = new ArrayList<>();
        space();
        if (peek() == ']') {
            at++;
            return list;
        }
        while (true) {
            space();
            list.add(value(depth));
            space();
            char c = peek();
            at++;
            if (c == ']') {
                return list;
            }
            if (c != ',') {
                at--;
                throw error("expected ',' or ']'");
            }
        }
    }

    private Object literal(String word, Object value) throws JsonException {
        if (!text.startsWith(word, at)) {
            throw error("unexpected character '" + text.charAt(at) + "'");
        }
        at += word.length();
        return value;
    }

    private long number() throws JsonException {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        int digits = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        if (at == digits) {
            throw error("unexpected character '" + text.charAt(start) + "'");
        }
        if (text.charAt(digits) == '0' && at - digits > 1) {
            throw error("a number must not have leading zeros");
        }
        if (syntaxOnly) {
            fractionAndExponent();
            return 0;
        }
        if (at < text.length() && (text.charAt(at) == '.' || text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            throw error("only whole numbers are allowed");
        }
        try {
            return Long.parseLong(text, start, at, 10);
        } catch (NumberFormatException e) {
            throw error("number does not fit in 64 bits");
        }
    }

    /** The rest of a number in full RFC 8259 syntax: an optional fraction and an optional exponent. */
    private void fractionAndExponent() throws JsonException {
        if (at < text.length() && text.charAt(at) == '.') {
            at++;
            requiredDigits();
        }
        if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            at++;
            if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
                at++;
            }
            requiredDigits();
        }
    }

    private void requiredDigits() throws JsonException {
        int start = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        if (at == start) {
            throw error("expected a digit");
        }
    }

    private String string() throws JsonException {
        String value = quoted();
        if (syntaxOnly) {
            storable(value);
        }
        return value;
    }

    /** Metadata keeps no lone surrogate: it could not be stored and re-encoded as the same text. */
    private void storable(String value) throws JsonException {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean pairs = i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
            if (Character.isHighSurrogate(c) && pairs) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw error("a lone surrogate");
            }
        }
    }

    private String quoted() throws JsonException {
        at++;
        int start = at;
        // Fast path: no escapes, the common case in exports.
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '"') {
                String plain = text.substring(start, at);
                at++;
                return plain;
            }
            if (c == '\\' || c < 0x20) {
                break;
            }
            at++;
        }
        StringBuilder out = new StringBuilder(text.substring(start, at));
        while (true) {
            if (at >= text.length()) {
                throw error("a string is not closed");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                at--;
                throw error("a control character inside a string must be escaped");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (at >= text.length()) {
                throw error("a string is not closed");
            }
            char e = text.charAt(at++);
            switch (e) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '/' -> out.append('/');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw error("a \\u escape needs four hex digits");
                    }
                    char escaped;
                    try {
                        escaped = (char) Integer.parseInt(text, at, at + 4, 16);
                    } catch (NumberFormatException ex) {
                        throw error("a \\u escape needs four hex digits");
                    }
                    if (syntaxOnly && (escaped == 0 || Character.isSurrogate(escaped))) {
                        // jsonb refuses \u0000, and escaped surrogates would need pairing checks; neither belongs
                        // in metadata.
                        throw error("\\u0000 or an escaped surrogate");
                    }
                    out.append(escaped);
                    at += 4;
                }
                default -> {
                    at--;
                    throw error("unknown escape '\\" + e + "'");
                }
            }
        }
    }

    private char peek() throws JsonException {
        if (at >= text.length()) {
            throw error("the JSON text ends too early");
        }
        return text.charAt(at);
    }

    private void expect(char c) throws JsonException {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        at++;
    }

    private void space() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }
}
