package kyodo.ledger;

/**
 * A strict RFC 8259 syntax check for entry metadata, with a nesting bound. It also refuses what PostgreSQL's
 * {@code jsonb} refuses ({@code \u0000}) and lone surrogates, so that whatever passes here can be stored and
 * re-encoded byte for byte.
 */
final class JsonText {
    static final int DEPTH_MAX = 16;

    private final String text;
    private int at;

    private JsonText(String text) {
        this.text = text;
    }

    /** Whether {@code text} is one JSON object, nested at most {@link #DEPTH_MAX} deep. */
    static boolean isObject(String text) {
        JsonText parser = new JsonText(text);
        try {
            parser.skipSpace();
            if (parser.peek() != '{') {
                return false;
            }
            parser.value(0);
            parser.skipSpace();
            return parser.at == text.length();
        } catch (Malformed e) {
            return false;
        }
    }

    private static final class Malformed extends Exception {
        Malformed() {
            super(null, null, false, false);
        }
    }

    private char peek() throws Malformed {
        if (at >= text.length()) {
            throw new Malformed();
        }
        return text.charAt(at);
    }

    private void expect(char c) throws Malformed {
        if (peek() != c) {
            throw new Malformed();
        }
        at++;
    }

    private void skipSpace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    private void value(int depth) throws Malformed {
        if (depth > DEPTH_MAX) {
            throw new Malformed();
        }
        skipSpace();
        char c = peek();
        switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        }
        skipSpace();
    }

    private void object(int depth) throws Malformed {
        expect('{');
        skipSpace();
        if (peek() == '}') {
            at++;
            return;
        }
        while (true) {
            skipSpace();
            string();
            skipSpace();
            expect(':');
            value(depth);
            if (peek() == ',') {
                at++;
                continue;
            }
            expect('}');
            return;
        }
    }

    private void array(int depth) throws Malformed {
        expect('[');
        skipSpace();
        if (peek() == ']') {
            at++;
            return;
        }
        while (true) {
            value(depth);
            if (peek() == ',') {
                at++;
                continue;
            }
            expect(']');
            return;
        }
    }

    private void literal(String word) throws Malformed {
        if (!text.startsWith(word, at)) {
            throw new Malformed();
        }
        at += word.length();
    }

    private void number() throws Malformed {
        if (peek() == '-') {
            at++;
        }
        if (peek() == '0') {
            at++;
        } else {
            digits();
        }
        if (at < text.length() && text.charAt(at) == '.') {
            at++;
            digits();
        }
        if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            at++;
            if (peek() == '+' || peek() == '-') {
                at++;
            }
            digits();
        }
    }

    private void digits() throws Malformed {
        int start = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        if (at == start) {
            throw new Malformed();
        }
    }

    private void string() throws Malformed {
        expect('"');
        while (true) {
            char c = peek();
            at++;
            if (c == '"') {
                return;
            }
            if (c < 0x20) {
                throw new Malformed();
            }
            if (c == '\\') {
                escape();
            } else if (Character.isHighSurrogate(c)) {
                if (!Character.isLowSurrogate(peek())) {
                    throw new Malformed();
                }
                at++;
            } else if (Character.isLowSurrogate(c)) {
                throw new Malformed();
            }
        }
    }

    private void escape() throws Malformed {
        char c = peek();
        at++;
        if ("\"\\/bfnrt".indexOf(c) >= 0) {
            return;
        }
        if (c != 'u' || at + 4 > text.length()) {
            throw new Malformed();
        }
        int code;
        try {
            code = Integer.parseInt(text.substring(at, at + 4), 16);
        } catch (NumberFormatException e) {
            throw new Malformed();
        }
        if (code == 0 || Character.isSurrogate((char) code)) {
            // jsonb refuses \u0000, and escaped surrogates would need pairing checks; neither belongs in metadata.
            throw new Malformed();
        }
        at += 4;
    }
}
