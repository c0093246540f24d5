package kyodo.ledger.journal.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads newline-terminated UTF-8 lines with a bound on their length, so that a hostile or broken file cannot
 * make the verifier buffer without limit. It tells a last line without its newline (a cut-off file) apart.
 */
final class BoundedLines {
    private static final int BUFFER_BYTES = 1 << 16;

    private final InputStream in;
    private final int lineBytesMax;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int position;
    private int limit;
    private byte[] line = new byte[4096];
    private long number;
    private boolean lastWasCutOff;

    BoundedLines(InputStream in, int lineBytesMax) {
        this.in = in;
        this.lineBytesMax = lineBytesMax;
    }

    /** The number of the line last returned, from 1. */
    long number() {
        return number;
    }

    /** Whether the line last returned had no newline after it. */
    boolean lastWasCutOff() {
        return lastWasCutOff;
    }

    /** The next line without its newline, or {@code null} at the end. */
    String next() throws IOException, LineException {
        byte[] bytes = nextBytes();
        return bytes == null ? null : decode(bytes, number);
    }

    /** The next line's bytes without its newline, or {@code null} at the end; decode them with {@link #decode}. */
    byte[] nextBytes() throws IOException, LineException {
        int length = 0;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (length == 0) {
                        return null;
                    }
                    number++;
                    lastWasCutOff = true;
                    return Arrays.copyOf(line, length);
                }
            }
            int start = position;
            int newline = -1;
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int end = newline < 0 ? limit : newline;
            int chunk = end - start;
            if (length + chunk > lineBytesMax) {
                throw new LineException("line " + (number + 1) + " is longer than " + lineBytesMax
                        + " bytes; no export line is that long");
            }
            if (length + chunk > line.length) {
                line = Arrays.copyOf(line, Math.min(lineBytesMax, Math.max(length + chunk, 2 * line.length)));
            }
            System.arraycopy(buffer, start, line, length, chunk);
            length += chunk;
            position = end;
            if (newline >= 0) {
                position = newline + 1;
                number++;
                lastWasCutOff = false;
                return Arrays.copyOf(line, length);
            }
        }
    }

    /** The line as text; any thread may call this. */
    static String decode(byte[] line, long number) throws LineException {
        int length = line.length;
        boolean ascii = true;
        for (int i = 0; i < length; i++) {
            if (line[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(line, 0, length, StandardCharsets.ISO_8859_1);
        }
        String decoded = new String(line, 0, length, StandardCharsets.UTF_8);
        if (decoded.indexOf('\uFFFD') < 0) {
            // The lenient decoder replaces malformed bytes with U+FFFD; without one the bytes were valid UTF-8.
            return decoded;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw new LineException("line " + number + " is not valid UTF-8");
        }
    }

    /** A line that cannot be read as text. */
    static final class LineException extends Exception {
        LineException(String message) {
            super(message, null, false, false);
        }
    }
}
