package kyodo.fund.audit;

import kyodo.fund.FundWebTest;
import kyodo.fund.access.Role;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static kyodo.fund.FundApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The workspace is the auditors': auditors, staff and administrators read it, only auditors write working
 * papers, and everyone else is refused (403), or asked to sign in when nobody did (401 here; the application's
 * chain redirects pages to its sign-in page instead).
 */
class AuditAccessTest extends FundWebTest {
    private static final Set<Role> READERS = EnumSet.of(Role.AUDITOR, Role.STAFF, Role.ADMIN);
    private static final Set<Role> WRITERS = EnumSet.of(Role.AUDITOR);

    record Endpoint(String method, String path, Set<Role> allowed) {
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/fund/audit/trial-balance?date=2027-03-31", READERS),
            new Endpoint("GET", "/api/fund/audit/trial-balance.csv?date=2027-03-31", READERS),
            new Endpoint("GET", "/api/fund/audit/statements?account=fund:bank", READERS),
            new Endpoint("GET", "/api/fund/audit/journal", READERS),
            new Endpoint("GET", "/api/fund/audit/reconciliation/imports", READERS),
            new Endpoint("GET", "/api/fund/audit/reconciliation/imports/1", READERS),
            new Endpoint("GET", "/api/fund/audit/reconciliation/imports/1.csv", READERS),
            new Endpoint("POST", "/api/fund/audit/verification", READERS),
            new Endpoint("GET", "/api/fund/audit/exports/jsonl", READERS),
            new Endpoint("POST", "/api/fund/audit/reconciliation/imports", WRITERS),
            new Endpoint("POST", "/api/fund/audit/reconciliation/imports/1/match", WRITERS),
            new Endpoint("POST", "/api/fund/audit/reconciliation/lines/1/notes", WRITERS),
            new Endpoint("POST", "/api/fund/audit/reconciliation/legs/1/0/notes", WRITERS),
            new Endpoint("GET", "/fund/audit", READERS),
            new Endpoint("GET", "/fund/audit/trial-balance", READERS),
            new Endpoint("GET", "/fund/audit/statement", READERS),
            new Endpoint("GET", "/fund/audit/journal", READERS),
            new Endpoint("GET", "/fund/audit/reconciliation", READERS),
            new Endpoint("GET", "/fund/audit/verification", READERS),
            new Endpoint("POST", "/fund/audit/verification", READERS),
            new Endpoint("POST", "/fund/audit/reconciliation", WRITERS),
            new Endpoint("POST", "/fund/audit/reconciliation/1/match", WRITERS),
            new Endpoint("POST", "/fund/audit/reconciliation/1/lines/1/notes", WRITERS));

    private int status(Endpoint endpoint, Role role) throws Exception {
        MockHttpServletRequestBuilder request = endpoint.method().equals("POST")
                ? MockMvcRequestBuilders.post(endpoint.path()).contentType(MediaType.APPLICATION_JSON).content("{}")
                .with(csrf())
                : MockMvcRequestBuilders.get(endpoint.path());
        if (role != null) {
            request.with(as("access-" + role.name().toLowerCase(), role.name()));
        }
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    @Test
    void onlyAuditorsStaffAndAdministratorsReadAndOnlyAuditorsWritePapers() throws Exception {
        for (Endpoint endpoint : ENDPOINTS) {
            for (Role role : Role.values()) {
                int status = status(endpoint, role);
                if (endpoint.allowed().contains(role)) {
                    assertThat(status).as(endpoint + " as " + role).isNotIn(401, 403).isLessThan(500);
                } else {
                    assertThat(status).as(endpoint + " as " + role).isEqualTo(403);
                }
            }
        }
    }

    @Test
    void aVisitorWhoDidNotSignInIsAskedTo() throws Exception {
        for (Endpoint endpoint : ENDPOINTS) {
            assertThat(status(endpoint, null)).as(endpoint.toString()).isEqualTo(401);
        }
    }
}
