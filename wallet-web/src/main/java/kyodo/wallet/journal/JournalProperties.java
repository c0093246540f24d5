package kyodo.wallet.journal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code kyodo.journal.*}: where the checkpoint signing keys live (generated there on first start; never in the
 * database or the repository), the origin line and key name of the signed checkpoints, how often a checkpoint is
 * due (every {@code checkpointEntries} entries or {@code checkpointInterval}), and how often the tree catches up.
 */
@ConfigurationProperties("kyodo.journal")
public record JournalProperties(
        @DefaultValue(".kyodo/keys") Path keysDirectory,
        @DefaultValue("kyodo.example/ward/ledger-1") String origin,
        @DefaultValue("kyodo.example-ward") String keyName,
        @DefaultValue("1000") long checkpointEntries,
        @DefaultValue("60s") Duration checkpointInterval,
        @DefaultValue("1s") Duration followInterval) {

    public JournalProperties {
        if (followInterval.isNegative() || followInterval.isZero() || followInterval.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("kyodo.journal.follow-interval must be within (0, 1h], was "
                    + followInterval);
        }
    }
}
