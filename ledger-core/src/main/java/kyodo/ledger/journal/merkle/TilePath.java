package kyodo.ledger.journal.merkle;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tile's address in C2SP tlog-tiles, {@code tile/<L>/<N>[.p/<W>]}, so the stored tiles can be served as a
 * static-looking log. {@code <N>} is written in zero-padded groups of three digits, all but the last prefixed
 * with {@code x} (index 1234067 is {@code x001/x234/067}); {@code .p/<W>} marks a partial tile of width W.
 */
public record TilePath(int level, long index, int width) {
    /** Paths from outside are short; anything longer is not a tile path. */
    public static final int PATH_LENGTH_MAX = 128;
    private static final Pattern PATH = Pattern.compile("tile/([0-9]{1,2})/((?:x[0-9]{3}/)*)([0-9]{3})(?:\\.p/([0-9]{1,3}))?");

    public TilePath {
        if (level < 0 || level > 63) {
            throw new IllegalArgumentException("tile level must be in 0..63, was " + level);
        }
        if (index < 0) {
            throw new IllegalArgumentException("tile index must not be negative, was " + index);
        }
        if (width < 1 || width > Tiles.WIDTH) {
            throw new IllegalArgumentException("tile width must be in 1.." + Tiles.WIDTH + ", was " + width);
        }
    }

    public boolean partial() {
        return width < Tiles.WIDTH;
    }

    public String path() {
        StringBuilder groups = new StringBuilder(String.format("%03d", index % 1000));
        for (long rest = index / 1000; rest > 0; rest /= 1000) {
            groups.insert(0, String.format("x%03d/", rest % 1000));
        }
        return "tile/" + level + "/" + groups + (partial() ? ".p/" + width : "");
    }

    /** The tile a path names, or {@code null} if it is not a well-formed tile path. */
    public static TilePath parse(String path) {
        if (path == null || path.length() > PATH_LENGTH_MAX) {
            return null;
        }
        Matcher matcher = PATH.matcher(path);
        if (!matcher.matches()) {
            return null;
        }
        long index = 0;
        String groups = matcher.group(2);
        for (int i = 0; i < groups.length(); i += 5) {
            index = index * 1000 + Integer.parseInt(groups.substring(i + 1, i + 4));
            if (index > Long.MAX_VALUE / 1000) {
                return null;
            }
        }
        index = index * 1000 + Integer.parseInt(matcher.group(3));
        int width = matcher.group(4) == null ? Tiles.WIDTH : Integer.parseInt(matcher.group(4));
        int level = Integer.parseInt(matcher.group(1));
        if (level > 63 || width < 1 || width >= Tiles.WIDTH && matcher.group(4) != null) {
            return null;
        }
        TilePath parsed = new TilePath(level, index, width);
        // Only the canonical spelling names a tile, so that one tile has one address.
        return parsed.path().equals(path) ? parsed : null;
    }
}
