package kyodo.wallet.security;

import kyodo.wallet.WalletWebTest;
import kyodo.fund.access.Role;
import kyodo.wallet.user.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The application's authorization matrix, written down in {@code authorization/matrix.csv}: every endpoint of the
 * assembled application (wallet and fund, API and pages) with the roles that may call it. The test checks that the
 * table names every endpoint the application serves, then calls each one as every role, signed out, and (for
 * anything that changes state) from another site without the CSRF token. Objects that belong to someone are
 * checked with another user's object in the owning features' tests and in {@link #anotherUsersObjectIsNeverServed}.
 */
class AuthorizationMatrixTest extends WalletWebTest {
    private static final String TABLE = "/authorization/matrix.csv";
    private static final Map<Role, User> PEOPLE = new EnumMap<>(Role.class);

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** One row: method, path as the application maps it, and who may call it. */
    record Row(String method, String pattern, String allowed, String sample) {
        boolean isPublic() {
            return "public".equals(allowed) || signedByItsBody();
        }

        /** Public, and authenticated by a signature in the body rather than a session (a witness's cosignature). */
        boolean signedByItsBody() {
            return "signature".equals(allowed);
        }

        boolean allows(Role role) {
            return isPublic() || "signed-in".equals(allowed) || Set.of(allowed.split(" ")).contains(role.name());
        }

        boolean changesState() {
            return !method.equals("GET");
        }

        String key() {
            return method + " " + pattern;
        }
    }

    @Test
    void theTableNamesEveryEndpointTheApplicationServes() throws IOException {
        Set<String> written = new TreeSet<>();
        for (Row row : table()) {
            written.add(row.key());
        }
        Set<String> served = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<String> methods = new TreeSet<>();
            info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            if (methods.isEmpty()) {
                methods.add("GET");
            }
            for (String pattern : info.getPatternValues()) {
                for (String method : methods) {
                    served.add(method + " " + pattern);
                }
            }
        }
        Set<String> missing = new TreeSet<>(served);
        missing.removeAll(written);
        Set<String> stale = new TreeSet<>(written);
        stale.removeAll(served);
        assertThat(missing).as("endpoints served but not in " + TABLE).isEmpty();
        assertThat(stale).as("rows in " + TABLE + " for endpoints that no longer exist").isEmpty();
    }

    @Test
    void everyRoleGetsExactlyWhatTheTableSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Row row : table()) {
            for (Role role : Role.values()) {
                int status = call(row, as(role), true).getStatus();
                calls++;
                if (row.allows(role) ? status == 401 || status == 403 || status >= 500 : status != 403) {
                    wrong.add(row.key() + " as " + role + " -> " + status);
                }
            }
        }
        System.out.printf("authorization matrix: %d endpoints x %d roles = %d calls, %d unexpected%n",
                table().size(), Role.values().length, calls, wrong.size());
        assertThat(wrong).as("answers that differ from the table").isEmpty();
    }

    @Test
    void aVisitorWhoDidNotSignInIsAskedToExceptForPublicEndpoints() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Row row : table()) {
            MockHttpServletResponse response = call(row, null, true);
            int status = response.getStatus();
            boolean askedToSignIn = status == 401 || (status == 302
                    && String.valueOf(response.getRedirectedUrl()).contains("/signin"));
            if (row.isPublic() ? askedToSignIn || status == 403 || status >= 500 : !askedToSignIn) {
                wrong.add(row.key() + " signed out -> " + status + " " + response.getRedirectedUrl());
            }
        }
        assertThat(wrong).as("answers to a signed-out visitor that differ from the table").isEmpty();
    }

    @Test
    void nothingThatChangesStateIsAcceptedFromAnotherSiteWithoutTheCsrfToken() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Row row : table()) {
            if (!row.changesState()) {
                continue;
            }
            if (row.signedByItsBody()) {
                // No session to ride on, so no token to check: what it must refuse is a body without a signature.
                int status = mvc.perform(request(row).header("Origin", "https://evil.example")).andReturn()
                        .getResponse().getStatus();
                if (status / 100 != 4) {
                    wrong.add(row.key() + " with an unsigned body from another site -> " + status);
                }
                continue;
            }
            Role someoneAllowed = EnumSet.allOf(Role.class).stream().filter(row::allows).findFirst().orElseThrow();
            MockHttpServletRequestBuilder request = request(row).header("Origin", "https://evil.example")
                    .with(as(someoneAllowed));
            int status = mvc.perform(request).andReturn().getResponse().getStatus();
            if (status != 403) {
                wrong.add(row.key() + " without CSRF token as " + someoneAllowed + " -> " + status);
            }
        }
        assertThat(wrong).as("state changes accepted without the CSRF token").isEmpty();
    }

    @Test
    void anotherUsersObjectIsNeverServed() throws Exception {
        User owner = registrar.createUser("matrix-owner-" + System.nanoTime() % 1_000_000, "寄附者 A", PASSWORD,
                Role.DONOR).user();
        User other = registrar.createUser("matrix-other-" + System.nanoTime() % 1_000_000, "寄附者 B", PASSWORD,
                Role.DONOR).user();
        String pledge = mvc.perform(MockMvcRequestBuilders.post("/api/fund/donations").with(csrf())
                        .with(signedIn(owner))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"donorType":"INDIVIDUAL","donorName":"寄附者 A","donorAddress":"東京都協働区1-2-3",
                                 "amount":1000,"designation":"general","anonymous":false,"publicNameConsent":false}"""))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String id = pledge.replaceAll("(?s).*\"id\":(\\d+).*", "$1");
        assertThat(id).as(pledge).matches("\\d+");

        for (String path : List.of("/api/fund/donations/" + id, "/api/fund/donations/" + id + "/receipt.pdf")) {
            int mine = mvc.perform(MockMvcRequestBuilders.get(path)
                    .with(signedIn(owner)))
                    .andReturn().getResponse().getStatus();
            int theirs = mvc.perform(MockMvcRequestBuilders.get(path)
                    .with(signedIn(other)))
                    .andReturn().getResponse().getStatus();
            assertThat(mine).as(path + " by its donor").isNotIn(401, 403, 404).isLessThan(500);
            assertThat(theirs).as(path + " by another donor").isIn(403, 404);
        }
        int withdrawn = mvc.perform(MockMvcRequestBuilders.post("/api/fund/donations/" + id + "/withdraw")
                .with(csrf()).with(signedIn(other)))
                .andReturn().getResponse().getStatus();
        assertThat(withdrawn).as("another donor withdrawing the pledge").isIn(403, 404);
    }

    private MockHttpServletResponse call(Row row, org.springframework.test.web.servlet.request.RequestPostProcessor who,
                                         boolean withCsrf) throws Exception {
        MockHttpServletRequestBuilder request = request(row);
        if (withCsrf) {
            request.with(csrf());
        }
        if (who != null) {
            request.with(who);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private static MockHttpServletRequestBuilder request(Row row) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(row.method()),
                row.sample());
        if (row.changesState() && row.sample().startsWith("/api/")) {
            request.contentType(MediaType.APPLICATION_JSON).content("{}");
        }
        return request;
    }

    /** A real user of the role, with the authorities sign-in gives (the role and the user's id). */
    private org.springframework.test.web.servlet.request.RequestPostProcessor as(Role role) {
        User person = PEOPLE.computeIfAbsent(role, r -> r == Role.MERCHANT
                ? users.findById(merchant().ownerId()).orElseThrow() // a merchant has an approved shop
                : registrar.createUser("matrix-" + r.name().toLowerCase().replace('_', '-'), "matrix " + r.name(),
                PASSWORD, r).user());
        return signedIn(person);
    }

    static List<Row> table() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = AuthorizationMatrixTest.class.getResourceAsStream(TABLE)) {
            assertThat(in).as(TABLE).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("method,")) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                assertThat(cells).as("row " + line).hasSize(4);
                rows.add(new Row(cells[0].strip(), cells[1].strip(), cells[2].strip(),
                        cells[3].isBlank() ? cells[1].strip() : cells[3].strip()));
            }
        }
        return rows;
    }
}
