package kyodo.fund.audit;

import kyodo.fund.document.Yen;

import java.math.BigInteger;
import java.text.NumberFormat;
import java.util.Locale;

/** Amounts as the pages show them: {@code ¥1,234} for yen, {@code 1,234 pt} for points, grouped digits otherwise. */
public final class Amounts {
    private Amounts() {
    }

    public static String format(String asset, long minor) {
        return switch (asset) {
            case "JPY" -> Yen.format(minor);
            case "PT" -> grouped(BigInteger.valueOf(minor)) + " pt";
            default -> grouped(BigInteger.valueOf(minor)) + " " + asset;
        };
    }

    public static String format(String asset, BigInteger minor) {
        String digits = grouped(minor.abs());
        String sign = minor.signum() < 0 ? "-" : "";
        return switch (asset) {
            case "JPY" -> sign + "¥" + digits;
            case "PT" -> sign + digits + " pt";
            default -> sign + digits + " " + asset;
        };
    }

    private static String grouped(BigInteger value) {
        NumberFormat format = NumberFormat.getIntegerInstance(Locale.JAPAN);
        format.setGroupingUsed(true);
        return format.format(value);
    }
}
