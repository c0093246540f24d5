package kyodo.ledger.journal.json;

/**
 * Writes one compact JSON value into a {@link StringBuilder}. The caller lays out objects and arrays; this
 * class inserts commas and escapes strings (RFC 8259: quote, backslash and control characters; everything else
 * as UTF-16 passes through, so the export stays readable Japanese).
 */
public final class JsonWriter {
    private final StringBuilder out;
    private boolean needsComma;

    public JsonWriter(StringBuilder out) {
        this.out = out;
    }

    public JsonWriter beginObject() {
        comma();
        out.append('{');
        needsComma = false;
        return this;
    }

    public JsonWriter endObject() {
        out.append('}');
        needsComma = true;
        return this;
    }

    public JsonWriter beginArray() {
        comma();
        out.append('[');
        needsComma = false;
        return this;
    }

    public JsonWriter endArray() {
        out.append(']');
        needsComma = true;
        return this;
    }

    public JsonWriter name(String name) {
        comma();
        string(name);
        out.append(':');
        needsComma = false;
        return this;
    }

    public JsonWriter value(String value) {
        comma();
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        needsComma = true;
        return this;
    }

    public JsonWriter value(long value) {
        comma();
        out.append(value);
        needsComma = true;
        return this;
    }

    public JsonWriter field(String name, String value) {
        return name(name).value(value);
    }

    public JsonWriter field(String name, long value) {
        return name(name).value(value);
    }

    private void comma() {
        if (needsComma) {
            out.append(',');
        }
    }

    private void string(String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
