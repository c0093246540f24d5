package kyodo.wallet.journal;

import kyodo.ledger.postgres.PostgresLedger;
import kyodo.ledger.journal.checkpoint.CheckpointPolicy;
import kyodo.ledger.journal.checkpoint.CheckpointSigner;
import kyodo.ledger.journal.checkpoint.KeyDirectory;
import kyodo.ledger.journal.postgres.JournalFollower;
import kyodo.ledger.journal.postgres.PostgresJournal;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Clock;

/** The journal beans of the application's ledger: its store of tiles and checkpoints, and the follower. */
@Configuration(proxyBeanMethods = false)
class JournalConfiguration {
    @Bean
    PostgresJournal journal(DataSource dataSource, PostgresLedger ledger) {
        return new PostgresJournal(dataSource, ledger.id());
    }

    @Bean
    CheckpointSigner checkpointSigner(JournalProperties properties) {
        return new CheckpointSigner(properties.origin(),
                KeyDirectory.loadOrCreate(properties.keysDirectory(), properties.keyName()));
    }

    @Bean
    Witnesses witnesses(JournalProperties properties) {
        return Witnesses.parse(properties.witnesses());
    }

    @Bean
    JournalFollower journalFollower(DataSource dataSource, PostgresLedger ledger, PostgresJournal journal,
                                    CheckpointSigner signer, JournalProperties properties, Clock clock) {
        return new JournalFollower(dataSource, ledger.id(), journal.feed(), signer,
                new CheckpointPolicy(properties.checkpointEntries(), properties.checkpointInterval()), clock);
    }

    @Bean(destroyMethod = "close")
    JournalKeeper journalKeeper(JournalFollower follower, JournalProperties properties) {
        return new JournalKeeper(follower, properties.followInterval());
    }
}
