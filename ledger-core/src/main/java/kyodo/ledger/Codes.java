package kyodo.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/** How account codes sort: by their UTF-8 bytes, the order of the database's "C" collation. */
public final class Codes {
    /** Code order, as both ledgers page accounts. */
    public static final Comparator<String> ORDER = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private Codes() {
    }
}
