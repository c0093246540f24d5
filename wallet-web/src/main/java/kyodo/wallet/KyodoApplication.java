package kyodo.wallet;

import kyodo.fund.FundModule;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Clock;
import java.time.ZoneId;

/** Kyodo in one process: the wallet and the fund (imported as {@link FundModule}) over one PostgreSQL. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(FundModule.class)
public class KyodoApplication {
    /** Business dates are the ward's dates. */
    public static final ZoneId WARD_ZONE = ZoneId.of("Asia/Tokyo");

    public static void main(String[] args) {
        SpringApplication.run(KyodoApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.system(WARD_ZONE);
    }
}
