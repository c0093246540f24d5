package kyodo.wallet;

import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.fund.FundModule;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Clock;

/** Kyodo in one process: the wallet and the fund (imported as {@link FundModule}) over one PostgreSQL. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(FundModule.class)
public class KyodoApplication {
    public static void main(String[] args) {
        SpringApplication.run(KyodoApplication.class, args);
    }

    /** The application's clock carries the ward's zone: business dates are the ward's dates. */
    @Bean
    Clock clock() {
        return Clock.system(BusinessCalendar.ZONE);
    }
}
