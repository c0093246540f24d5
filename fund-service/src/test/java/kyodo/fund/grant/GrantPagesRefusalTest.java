package kyodo.fund.grant;

import kyodo.fund.access.Actor;
import kyodo.fund.access.Role;
import kyodo.fund.access.UserId;
import kyodo.fund.problem.Refusal;
import kyodo.fund.problem.Refused;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
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
import java.util.Set;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The pages' one mapping of refusals, without the database: a form shows the refusal's message (and its detail)
 * through the {@code error} attribute the templates already use, in the visitor's language; a refusal that no
 * form shows becomes a short page with the rejection's status.
 */
@WebMvcTest
@AutoConfigureMockMvc(addFilters = false)
@ContextConfiguration(classes = GrantPagesRefusalTest.Slice.class)
class GrantPagesRefusalTest {
    private static final Properties JAPANESE = bundle("/messages-fund-problems.properties");
    private static final Properties ENGLISH = bundle("/messages-fund-problems_en.properties");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ApplicationDesk desk;

    @MockitoBean
    GrantOffice office;

    @MockitoBean
    Awards awards;

    @MockitoBean
    kyodo.fund.access.People people;

    @Configuration(proxyBeanMethods = false)
    @Import(GrantPages.class)
    @ComponentScan(basePackages = "kyodo.fund.problem", useDefaultFilters = false, includeFilters = @ComponentScan.Filter(
            type = FilterType.REGEX, pattern = "kyodo\\.fund\\.problem\\.(Problems|FundPageProblems)"))
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

    /** Signed in as the host's chain would sign in: the role and the user id among the authorities. */
    private static void signedIn(Role role) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(
                "user-" + role.name(), "n/a", new Actor(new UserId(1), Set.of(role)).authorities()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aRefusedSubmissionShowsTheFormAgainWithTheMessageInTheVisitorsLanguage() throws Exception {
        signedIn(Role.GROUP_COORDINATOR);
        doThrow(new Refused(Refusal.DEADLINE_PASSED, "the deadline was 2027-03-31T08:00:00Z"))
                .when(desk).submit(any(), any());
        String japanese = JAPANESE.getProperty("fund.problem.DEADLINE_PASSED")
                + " (the deadline was 2027-03-31T08:00:00Z)";
        String english = ENGLISH.getProperty("fund.problem.DEADLINE_PASSED")
                + " (the deadline was 2027-03-31T08:00:00Z)";

        mvc.perform(post("/fund/applications/7/submit"))
                .andExpect(status().isOk())
                .andExpect(view().name("fund/applications"))
                .andExpect(model().attribute("error", japanese))
                .andExpect(content().string(containsString("<html lang=\"ja\">")))
                .andExpect(content().string(containsString(japanese)));
        mvc.perform(post("/fund/applications/7/submit").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(model().attribute("error", english))
                .andExpect(content().string(containsString("<html lang=\"en\">")))
                .andExpect(content().string(containsString(english)));
    }

    @Test
    void aRefusedApprovalShowsTheListAgainWithTheReason() throws Exception {
        signedIn(Role.STAFF);
        doThrow(new Refused(Refusal.SAME_APPROVER, "disbursement 3 was requested by staff-1"))
                .when(office).approve(any(), any());

        mvc.perform(post("/fund/staff/disbursements/3/approve").header("Accept-Language", "ja"))
                .andExpect(status().isOk())
                .andExpect(view().name("fund/disbursements"))
                .andExpect(model().attribute("error", JAPANESE.getProperty("fund.problem.SAME_APPROVER")
                        + " (disbursement 3 was requested by staff-1)"));
    }

    @Test
    void aRefusalThatNoFormShowsIsAShortPageWithTheRejectionsStatus() throws Exception {
        signedIn(Role.GROUP_COORDINATOR);
        when(desk.mine(any())).thenThrow(new Refused(Refusal.NOT_FOUND, "group 9"));

        mvc.perform(get("/fund/applications"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("<html lang=\"ja\">")))
                .andExpect(content().string(containsString(JAPANESE.getProperty("fund.problem.NOT_FOUND"))));
        mvc.perform(get("/fund/applications").header("Accept-Language", "en"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("<html lang=\"en\">")))
                .andExpect(content().string(containsString(ENGLISH.getProperty("fund.problem.NOT_FOUND"))));
    }

    private static Properties bundle(String resource) {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(Objects.requireNonNull(GrantPagesRefusalTest.class.getResourceAsStream(
                resource), resource), StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(resource, e);
        }
        return properties;
    }
}
