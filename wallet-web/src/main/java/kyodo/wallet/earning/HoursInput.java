package kyodo.wallet.earning;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Hours as people type them ({@code 2}, {@code 1.5}, {@code 0.25}): a positive number of quarter hours, at most 24.
 * Read as minutes so that no fraction reaches the points.
 */
public final class HoursInput {
    public static final int MINUTES_PER_DAY_MAX = 24 * 60;
    public static final int MINUTES_STEP = 15;
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,4}(\\.[0-9]{1,4})?");

    private HoursInput() {
    }

    /** Minutes, or why not. */
    public record Parsed(int minutes, EarningError error) {
        public boolean ok() {
            return error == null;
        }
    }

    public static Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            return new Parsed(0, EarningError.HOURS_MISSING);
        }
        String trimmed = text.strip();
        if (!NUMBER.matcher(trimmed).matches()) {
            return new Parsed(0, EarningError.HOURS_NOT_A_NUMBER);
        }
        BigDecimal minutes = new BigDecimal(trimmed).multiply(BigDecimal.valueOf(60));
        if (minutes.signum() <= 0) {
            return new Parsed(0, EarningError.HOURS_NOT_POSITIVE);
        }
        if (minutes.compareTo(BigDecimal.valueOf(MINUTES_PER_DAY_MAX)) > 0) {
            return new Parsed(0, EarningError.HOURS_OVER_24);
        }
        if (minutes.stripTrailingZeros().scale() > 0 || minutes.intValueExact() % MINUTES_STEP != 0) {
            return new Parsed(0, EarningError.HOURS_NOT_QUARTER);
        }
        return new Parsed(minutes.intValueExact(), null);
    }

    /** Minutes as hours for a form field: {@code 90} is {@code 1.5}. */
    public static String format(int minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }
}
