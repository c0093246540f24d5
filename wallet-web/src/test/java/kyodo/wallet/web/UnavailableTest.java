package kyodo.wallet.web;

import kyodo.fund.layout.LayoutAdvice;
import kyodo.fund.problem.Problems;
import kyodo.ledger.LedgerUnavailable;
import kyodo.wallet.WalletWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.sql.SQLException;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** A database that cannot be reached is a 503 with Retry-After, for the API and for pages, never a 500. */
class UnavailableTest extends WalletWebTest {
    @Autowired
    Problems problems;
    @Autowired
    ObjectProvider<LayoutAdvice> layout;

    /** Stands for any endpoint at the moment the database goes away (never scanned into the application). */
    @TestComponent
    @RestController
    static class DatabaseGone {
        @GetMapping("/api/anything")
        String api() {
            throw new CannotGetJdbcConnectionException("connection refused", new SQLException("refused", "08001"));
        }

        @GetMapping("/wallet-like-page")
        String page() {
            throw new LedgerUnavailable("the ledger's writer could not commit", new SQLException("gone", "57P01"));
        }
    }

    @Test
    void theApiAnswers503WithRetryAfterAndAProblemInBothLanguages() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new DatabaseGone()).setControllerAdvice(new Unavailable(problems, layout))
                .build();

        mvc.perform(get("/api/anything"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", Unavailable.RETRY_AFTER_SECONDS))
                .andExpect(jsonPath("$.code").value("SERVICE_UNAVAILABLE"))
                .andExpect(jsonPath("$.message_ja").isNotEmpty())
                .andExpect(jsonPath("$.message_en").isNotEmpty());
    }

    @Test
    void aPageAnswers503WithThePleaseWaitPage() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new DatabaseGone()).setControllerAdvice(new Unavailable(problems, layout))
                .build();

        mvc.perform(get("/wallet-like-page"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(view().name("unavailable"));
    }
}
