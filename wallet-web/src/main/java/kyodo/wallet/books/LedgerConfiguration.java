package kyodo.wallet.books;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import kyodo.ledger.LedgerId;
import kyodo.ledger.postgres.PostgresLedger;
import kyodo.ledger.postgres.WriterListener;
import kyodo.ledger.postgres.WriterSettings;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * The application's books: one {@link PostgresLedger} for the configured ledger, created on first start, on the
 * ledger's own connection pool (see {@code DatabaseConfiguration}). Spring closes it (draining its writer) before
 * the pools and the embedded server go away.
 */
@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {
    /** Waits for Flyway: the ledger reads and creates rows as it opens. */
    @Bean
    @DependsOnDatabaseInitialization
    PostgresLedger ledger(@Qualifier("ledgerDataSource") DataSource ledgerDataSource, LedgerProperties properties,
                          Clock clock, MeterRegistry meters) {
        PostgresLedger ledger = new PostgresLedger(ledgerDataSource, new LedgerId(properties.id()), properties.name(), clock,
                WriterSettings.DEFAULT, new WriterMetrics(meters));
        Gauge.builder("kyodo.ledger.queue.depth", ledger, PostgresLedger::queueDepth)
                .description("Requests waiting for the ledger's writer")
                .register(meters);
        return ledger;
    }

    /** The writer's batches as Micrometer meters (Prometheus: {@code kyodo_ledger_*}). */
    static final class WriterMetrics implements WriterListener {
        private final MeterRegistry meters;
        private final DistributionSummary batchEntries;
        private final Timer batchCommit;
        private final Timer request;

        WriterMetrics(MeterRegistry meters) {
            this.meters = meters;
            this.batchEntries = DistributionSummary.builder("kyodo.ledger.batch.entries")
                    .description("Entry requests decided in one database transaction")
                    .register(meters);
            this.batchCommit = Timer.builder("kyodo.ledger.batch.commit")
                    .description("Time to decide and commit one batch")
                    .register(meters);
            this.request = Timer.builder("kyodo.ledger.request")
                    .description("Time from handing an entry to the writer to its result")
                    .publishPercentiles(0.5, 0.99)
                    .register(meters);
        }

        @Override
        public void batchCommitted(int entries, int posted, long nanos) {
            batchEntries.record(entries);
            batchCommit.record(nanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public void requestCompleted(long nanos) {
            request.record(nanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public void batchRetried(String sqlState) {
            Counter.builder("kyodo.ledger.batch.retries").tag("sql_state", String.valueOf(sqlState))
                    .description("Batches retried after a transient database failure")
                    .register(meters).increment();
        }
    }
}
