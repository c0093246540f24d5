package kyodo.fund.about;

import kyodo.ledger.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The fund module started on its own against a real, migrated PostgreSQL database. */
@SpringBootTest
@AutoConfigureMockMvc
class FundAboutTest {
    private static final TestDatabase DATABASE = TestDatabase.create("fund_about");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::url);
        registry.add("spring.datasource.username", DATABASE::user);
        registry.add("spring.datasource.password", DATABASE::password);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void startsOnTheMigratedDatabase() {
        Integer applied = jdbc.queryForObject(
                "select count(*) from flyway_schema_history where success and version = '1'", Integer.class);

        assertThat(applied).isEqualTo(1);
    }

    @Test
    void saysWhichFiscalYearItIsInTheWardsZone() throws Exception {
        mvc.perform(get("/api/fund/about").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.name").value("協働推進基金"))
                .andExpect(jsonPath("$.today").value("2027-04-01"))
                .andExpect(jsonPath("$.fiscalYear").value(2027))
                .andExpect(jsonPath("$.fiscalYearFirstDay").value("2027-04-01"))
                .andExpect(jsonPath("$.fiscalYearLastDay").value("2028-03-31"));
    }
}
