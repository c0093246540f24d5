package kyodo.ledger.journal.export;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A fast path for the one timestamp shape the export writes ({@code Instant.toString()} of a UTC instant:
 * {@code 2026-11-25T18:00:00.123456Z}, fraction optional). A verifier parses millions of them, and the general
 * ISO parser is the slowest step; anything else falls back to {@link Instant#parse}.
 */
final class Timestamps {
    private static final int SHORTEST = "2026-11-25T18:00:00Z".length();

    private Timestamps() {
    }

    /** The instant, or {@code null} when the text is not in the plain shape (let the full parser decide). */
    static Instant parseUtc(String text) {
        int length = text.length();
        if (length < SHORTEST || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (year < 1000 || month < 1 || month > 12 || day < 1 || day > 28 || hour > 23 || minute > 59 || second > 59) {
            // Days 29..31 need the month's length: the full parser knows it.
            return null;
        }
        int nanos = 0;
        if (length > SHORTEST) {
            int fraction = length - SHORTEST - 1;
            if (text.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            int value = digits(text, 20, 20 + fraction);
            if (value < 0) {
                return null;
            }
            for (int i = fraction; i < 9; i++) {
                value *= 10;
            }
            nanos = value;
        }
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3600L + minute * 60L + second, nanos);
    }

    /** The decimal number in {@code text[from, to)}, or −1 if a character is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
