package kyodo.ledger;

import java.util.regex.Pattern;

/**
 * What an account holds: a code and the number of decimal places its minor unit has. Amounts are always
 * {@code long} counts of the minor unit, never fractions.
 */
public record Asset(String code, int scale) {
    // Declared before the constants below, which need them to be initialised.
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]{1,11}");
    public static final int SCALE_MAX = 18;

    /** Community points (地域通貨). One point is the smallest unit. */
    public static final Asset PT = new Asset("PT", 0);
    /** Japanese yen. One yen is the smallest unit. */
    public static final Asset JPY = new Asset("JPY", 0);


    public Asset {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("asset code must match " + CODE + ", was " + code);
        }
        if (scale < 0 || scale > SCALE_MAX) {
            throw new IllegalArgumentException("asset scale must be 0.." + SCALE_MAX + ", was " + scale);
        }
    }

    @Override
    public String toString() {
        return code;
    }
}
