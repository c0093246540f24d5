package kyodo.wallet.settlement;

import java.math.BigDecimal;

/**
 * Yen per point as an exact fraction ({@code "1"}, {@code "0.95"}, {@code "1.5"}: at most four decimals, more than
 * zero, at most 1,000). Yen are {@code floor(points × numerator / denominator)}: a fraction of a yen is rounded down
 * (切り捨て) once per merchant and month, in integer arithmetic.
 */
public record YenRate(long numerator, long denominator) {
    public static final int DECIMALS_MAX = 4;
    public static final long RATE_MAX = 1_000;

    public YenRate {
        if (numerator <= 0 || denominator <= 0 || numerator > RATE_MAX * denominator) {
            throw new IllegalArgumentException("a yen rate must be within (0, " + RATE_MAX + "], was " + numerator
                    + "/" + denominator);
        }
    }

    public static YenRate parse(String text) {
        BigDecimal rate;
        try {
            rate = new BigDecimal(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("kyodo.settlement.yen-per-point must be a decimal number, was " + text);
        }
        rate = rate.stripTrailingZeros();
        if (rate.scale() > DECIMALS_MAX) {
            throw new IllegalArgumentException("kyodo.settlement.yen-per-point has more than " + DECIMALS_MAX
                    + " decimals: " + text);
        }
        int scale = Math.max(rate.scale(), 0);
        long denominator = BigDecimal.TEN.pow(scale).longValueExact();
        return new YenRate(rate.movePointRight(scale).longValueExact(), denominator);
    }

    public long yen(long points) {
        return Math.floorDiv(Math.multiplyExact(points, numerator), denominator);
    }

    @Override
    public String toString() {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator)).stripTrailingZeros()
                .toPlainString();
    }
}
