package kyodo.fund.problem;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The API's one mapping of refusals to HTTP, without the database: every rejection code answers with its status
 * and a problem+json body whose messages are the bundles' texts in both languages, titled in the caller's.
 */
@WebMvcTest
@AutoConfigureMockMvc(addFilters = false)
@ContextConfiguration(classes = FundProblemsTest.Slice.class)
class FundProblemsTest {
    private static final Properties JAPANESE = bundle("/messages-fund-problems.properties");
    private static final Properties ENGLISH = bundle("/messages-fund-problems_en.properties");

    @Autowired
    MockMvc mvc;

    /** Stands for any fund API endpoint whose use case says no. */
    @RestController
    @FundApi
    static class Refusing {
        @GetMapping("/api/fund/probe/{code}")
        String refuse(@PathVariable String code) {
            throw new Refused(Refusal.valueOf(code), "why " + code);
        }

        record Body(long amount) {
        }

        @PostMapping("/api/fund/probe")
        String read(@RequestBody Body body) {
            return "read";
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Import({Refusing.class, FundProblems.class, Problems.class})
    static class Slice {
        /** Japanese unless Accept-Language asks for English, as the applications' resolvers do. */
        @Bean
        LocaleResolver localeResolver() {
            AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
            resolver.setDefaultLocale(Locale.JAPANESE);
            resolver.setSupportedLocales(List.of(Locale.JAPANESE, Locale.ENGLISH));
            return resolver;
        }
    }

    @Test
    void everyRejectionCodeAnswersWithItsStatusAndItsMessagesInBothLanguages() throws Exception {
        for (Refusal refusal : Refusal.values()) {
            String japanese = JAPANESE.getProperty(refusal.messageKey());
            String english = ENGLISH.getProperty(refusal.messageKey());
            assertThat(japanese).as("Japanese for " + refusal).isNotBlank().isNotEqualTo(english);
            assertThat(english).as("English for " + refusal).isNotBlank();

            mvc.perform(get("/api/fund/probe/" + refusal.name()))
                    .andExpect(status().is(refusal.status()))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(refusal.status()))
                    .andExpect(jsonPath("$.code").value(refusal.name()))
                    .andExpect(jsonPath("$.title").value(japanese))
                    .andExpect(jsonPath("$.message_ja").value(japanese))
                    .andExpect(jsonPath("$.message_en").value(english))
                    .andExpect(jsonPath("$.detail").value("why " + refusal.name()));
            mvc.perform(get("/api/fund/probe/" + refusal.name()).header("Accept-Language", "en-GB,en;q=0.9"))
                    .andExpect(status().is(refusal.status()))
                    .andExpect(jsonPath("$.title").value(english))
                    .andExpect(jsonPath("$.message_ja").value(japanese))
                    .andExpect(jsonPath("$.message_en").value(english));
        }
    }

    @Test
    void theStatusesAreTheOnesTheApiDocuments() {
        assertThat(Refusal.INVALID_INPUT.status()).isEqualTo(400);
        assertThat(Refusal.UNAUTHENTICATED.status()).isEqualTo(401);
        assertThat(Refusal.FORBIDDEN.status()).isEqualTo(403);
        assertThat(Refusal.SAME_APPROVER.status()).isEqualTo(403);
        assertThat(Refusal.NOT_FOUND.status()).isEqualTo(404);
        assertThat(Refusal.WRONG_STATE.status()).isEqualTo(409);
        assertThat(Refusal.INSUFFICIENT_FUNDS.status()).isEqualTo(409);
    }

    @Test
    void anUnreadableRequestIsInvalidInputNeverA500() throws Exception {
        mvc.perform(post("/api/fund/probe").contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_INPUT"))
                .andExpect(jsonPath("$.message_ja").value(JAPANESE.getProperty("fund.problem.INVALID_INPUT")))
                .andExpect(jsonPath("$.message_en").value(ENGLISH.getProperty("fund.problem.INVALID_INPUT")));
        mvc.perform(post("/api/fund/probe").contentType(MediaType.TEXT_PLAIN).content("amount=1"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("INVALID_INPUT"))
                .andExpect(jsonPath("$.detail").value("unsupported content type"));
    }

    private static Properties bundle(String resource) {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(Objects.requireNonNull(FundProblemsTest.class.getResourceAsStream(
                resource), resource), StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(resource, e);
        }
        return properties;
    }
}
