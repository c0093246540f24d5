package kyodo.wallet.books;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kyodo.ledger.*}: which ledger (tenant) this application keeps. The ledger is created with this name on
 * first start; later starts leave the stored name as it is.
 */
@ConfigurationProperties("kyodo.ledger")
public record LedgerProperties(@DefaultValue("1") long id, @DefaultValue("Kyodo demo ward") String name) {
    public static final int NAME_LENGTH_MAX = 200;

    public LedgerProperties {
        if (id <= 0) {
            throw new IllegalArgumentException("kyodo.ledger.id must be positive, was " + id);
        }
        if (name == null || name.isBlank() || name.length() > NAME_LENGTH_MAX) {
            throw new IllegalArgumentException("kyodo.ledger.name must have 1.." + NAME_LENGTH_MAX
                    + " characters, was '" + name + "'");
        }
    }
}
