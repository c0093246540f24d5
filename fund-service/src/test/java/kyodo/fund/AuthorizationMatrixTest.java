package kyodo.fund;

import kyodo.fund.access.Role;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static kyodo.fund.FundApi.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fund endpoint and staff page against every role: a role outside an endpoint's list is refused (403), a
 * visitor who did not sign in is asked to (401), and public endpoints answer everyone. Which object a permitted role may touch
 * (own donations, own applications, assigned reviews) is tested with each feature.
 */
class AuthorizationMatrixTest extends FundWebTest {
    private static final Set<Role> PUBLIC = EnumSet.allOf(Role.class);

    record Endpoint(String method, String path, Set<Role> allowed) {
        boolean isPublic() {
            return allowed == PUBLIC;
        }
    }

    private static Endpoint post(String path, Role... allowed) {
        return new Endpoint("POST", path, roles(allowed));
    }

    private static Endpoint get(String path, Role... allowed) {
        return new Endpoint("GET", path, roles(allowed));
    }

    private static Set<Role> roles(Role... allowed) {
        return EnumSet.copyOf(List.of(allowed));
    }

    private static Endpoint open(String path) {
        return new Endpoint("GET", path, PUBLIC);
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            open("/api/fund/about"),
            open("/api/fund/balances"),
            open("/api/fund/groups"),
            open("/api/fund/programs"),
            open("/api/fund/results"),
            open("/api/fund/donors/public?fiscalYear=2027"),
            post("/api/fund/donations", Role.DONOR, Role.RESIDENT),
            post("/api/fund/donations/recorded", Role.STAFF),
            post("/api/fund/donations/1/confirm", Role.STAFF),
            post("/api/fund/donations/1/cancel", Role.STAFF),
            post("/api/fund/donations/1/withdraw", Role.DONOR, Role.RESIDENT, Role.STAFF),
            get("/api/fund/donations/mine", Role.DONOR, Role.RESIDENT),
            get("/api/fund/donations", Role.STAFF, Role.AUDITOR),
            get("/api/fund/donations/statement/2026.pdf", Role.DONOR, Role.RESIDENT),
            get("/api/fund/donors/someone/statement/2026.pdf", Role.STAFF, Role.AUDITOR),
            post("/api/fund/groups", Role.GROUP_COORDINATOR),
            post("/api/fund/groups/1/verify", Role.STAFF),
            post("/api/fund/groups/1/reject", Role.STAFF),
            get("/api/fund/groups/pending", Role.STAFF),
            post("/api/fund/groups/1/invitations", Role.GROUP_COORDINATOR),
            get("/api/fund/invitations", Role.values()),
            post("/api/fund/invitations/1/accept", Role.values()),
            post("/api/fund/invitations/1/decline", Role.values()),
            post("/api/fund/programs", Role.STAFF),
            new Endpoint("PUT", "/api/fund/programs/1", roles(Role.STAFF)),
            post("/api/fund/programs/1/publish", Role.STAFF),
            get("/api/fund/programs/1/ranking", Role.STAFF, Role.COMMITTEE, Role.AUDITOR),
            post("/api/fund/applications", Role.GROUP_COORDINATOR),
            post("/api/fund/applications/1/submit", Role.GROUP_COORDINATOR),
            new Endpoint("PUT", "/api/fund/applications/1", roles(Role.GROUP_COORDINATOR)),
            get("/api/fund/applications/mine", Role.GROUP_COORDINATOR),
            get("/api/fund/applications/1", Role.GROUP_COORDINATOR, Role.STAFF, Role.AUDITOR, Role.COMMITTEE),
            post("/api/fund/applications/1/reviews", Role.COMMITTEE),
            post("/api/fund/applications/1/award", Role.STAFF),
            post("/api/fund/awards/1/disbursements", Role.STAFF),
            get("/api/fund/awards/1/disbursements", Role.STAFF, Role.AUDITOR),
            post("/api/fund/disbursements/1/approve", Role.STAFF),
            post("/api/fund/disbursements/1/reject", Role.STAFF),
            post("/api/fund/awards/1/close", Role.STAFF),
            post("/api/fund/awards/1/report", Role.GROUP_COORDINATOR),
            post("/api/fund/awards/1/evaluations", Role.COMMITTEE),
            // Pages: refused the same way (the host's chain turns a page's 401 into its sign-in).
            get("/fund/donate", Role.DONOR, Role.RESIDENT),
            get("/fund/donations", Role.DONOR, Role.RESIDENT),
            get("/fund/staff/pledges", Role.STAFF),
            get("/fund/applications", Role.GROUP_COORDINATOR),
            get("/fund/review/1", Role.COMMITTEE),
            get("/fund/invitations", Role.values()),
            post("/fund/invitations/1/accept", Role.values()),
            post("/fund/invitations/1/decline", Role.values()),
            get("/fund/staff/disbursements", Role.STAFF),
            get("/fund/staff/programs", Role.STAFF),
            get("/fund/staff/programs/new", Role.STAFF),
            post("/fund/staff/programs", Role.STAFF),
            get("/fund/staff/programs/1", Role.STAFF),
            post("/fund/staff/programs/1", Role.STAFF),
            post("/fund/staff/programs/1/publish", Role.STAFF),
            post("/fund/staff/applications/1/award", Role.STAFF),
            post("/fund/staff/awards/1/disbursements", Role.STAFF));

    private ResultActions call(Endpoint endpoint, Role role) throws Exception {
        var who = role == null ? null : as("matrix-" + role.name().toLowerCase(), role.name());
        return switch (endpoint.method()) {
            case "POST" -> api().post(who, endpoint.path(), "{}");
            case "PUT" -> {
                var request = MockMvcRequestBuilders.put(endpoint.path()).contentType(MediaType.APPLICATION_JSON)
                        .content("{}");
                yield mvc.perform(who == null ? request : request.with(who));
            }
            default -> api().get(who, endpoint.path());
        };
    }

    @Test
    void everyRoleOutsideAnEndpointsListIsRefused() throws Exception {
        for (Endpoint endpoint : ENDPOINTS) {
            if (endpoint.isPublic()) {
                continue;
            }
            for (Role role : Role.values()) {
                int status = call(endpoint, role).andReturn().getResponse().getStatus();
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
            int status = call(endpoint, null).andReturn().getResponse().getStatus();
            if (endpoint.isPublic()) {
                assertThat(status).as(endpoint.toString()).isEqualTo(200);
            } else {
                assertThat(status).as(endpoint.toString()).isEqualTo(401);
            }
        }
    }
}
