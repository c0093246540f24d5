package kyodo.wallet.journal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code kyodo.journal.*}: where the checkpoint signing keys live (generated there on first start; never in the
 * database or the repository), the origin line of the signed checkpoints and the key name (the origin unless set:
 * C2SP tlog-checkpoint says the key name should match the origin, and witness tooling looks logs up by it), how
 * often a checkpoint is due (every {@code checkpointEntries} entries or {@code checkpointInterval}), how often the
 * tree catches up, and the witnesses whose cosignatures the log accepts ({@code witnesses}: their cosignature/v1
 * vkeys, {@code <name>+<id>+<base64(0x04 || key)>}, comma-separated).
 */
@ConfigurationProperties("kyodo.journal")
public record JournalProperties(
        @DefaultValue(".kyodo/keys") Path keysDirectory,
        @DefaultValue("kyodo.example/ward/ledger-1") String origin,
        String keyName,
        @DefaultValue("1000") long checkpointEntries,
        @DefaultValue("60s") Duration checkpointInterval,
        @DefaultValue("1s") Duration followInterval,
        @DefaultValue List<String> witnesses) {

    public JournalProperties {
        if (followInterval.isNegative() || followInterval.isZero() || followInterval.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("kyodo.journal.follow-interval must be within (0, 1h], was "
                    + followInterval);
        }
        if (keyName == null || keyName.isBlank()) {
            keyName = origin;
        }
        witnesses = witnesses == null ? List.of() : witnesses.stream().map(String::strip).filter(w -> !w.isEmpty())
                .toList();
    }
}
