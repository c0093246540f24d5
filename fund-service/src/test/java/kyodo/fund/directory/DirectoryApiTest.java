package kyodo.fund.directory;

import kyodo.fund.FundWebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static kyodo.fund.FundApi.as;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class DirectoryApiTest extends FundWebTest {
    private static final RequestPostProcessor COORDINATOR = as("coord-1", "GROUP_COORDINATOR");
    private static final RequestPostProcessor STAFF = as("staff-dir", "STAFF");

    static String registration(String name) {
        return """
                {"name":"%s","type":"NPO","representative":"田中 太郎","contact":"03-1234-5678",
                 "field":"children","description":"放課後の学習支援","coordinators":["coord-2"]}""".formatted(name);
    }

    @BeforeEach
    void coCoordinatorSignsUpFirst() {
        api().register("coord-2", "GROUP_COORDINATOR");
    }

    @Test
    void aRegisteredGroupIsPublicOnlyOnceStaffVerifyIt() throws Exception {
        long id = api().postForId(COORDINATOR, "/api/fund/groups", registration("NPO法人こどもの森"), "$.id");

        api().get(null, "/api/fund/groups").andExpect(jsonPath("$[?(@.id == " + id + ")]").isEmpty());
        api().get(null, "/api/fund/groups/" + id).andExpect(status().isNotFound());
        api().get(as("coord-2", "GROUP_COORDINATOR"), "/api/fund/groups/" + id).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REGISTERED"))
                .andExpect(jsonPath("$.coordinators[0]").value("coord-1"));

        api().post(STAFF, "/api/fund/groups/" + id + "/verify", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("VERIFIED"));

        api().get(null, "/api/fund/groups").andExpect(jsonPath("$[?(@.id == " + id + ")].name")
                .value("NPO法人こどもの森"));
        api().get(null, "/api/fund/groups/" + id).andExpect(status().isOk())
                .andExpect(jsonPath("$.typeJa").value("NPO法人"))
                .andExpect(jsonPath("$.coordinators").isEmpty());
        api().get(null, "/api/fund/groups").andExpect(jsonPath("$[?(@.id == " + id + ")].grantsReceived").value(0));
        api().post(STAFF, "/api/fund/groups/" + id + "/verify", null).andExpect(status().isConflict());
    }

    @Test
    void staffDoNotVerifyAGroupTheyCoordinate() throws Exception {
        long id = api().postForId(as("staff-coord", "GROUP_COORDINATOR", "STAFF"), "/api/fund/groups",
                registration("自分の会"), "$.id");

        api().post(as("staff-coord", "STAFF"), "/api/fund/groups/" + id + "/verify", null)
                .andExpect(status().isForbidden());
    }

    @Test
    void onlyCoordinatorsRegisterAndOnlyStaffVerify() throws Exception {
        long id = api().postForId(COORDINATOR, "/api/fund/groups", registration("桜町会"), "$.id");
        for (String role : new String[] {"RESIDENT", "MERCHANT", "DONOR", "STAFF", "COMMITTEE", "AUDITOR", "ADMIN"}) {
            api().post(as("u-" + role, role), "/api/fund/groups", registration("x"))
                    .andExpect(status().isForbidden());
        }
        for (String role : new String[] {"RESIDENT", "MERCHANT", "DONOR", "GROUP_COORDINATOR", "COMMITTEE",
                "AUDITOR", "ADMIN"}) {
            api().post(as("u-" + role, role), "/api/fund/groups/" + id + "/verify", null)
                    .andExpect(status().isForbidden());
            api().get(as("u-" + role, role), "/api/fund/groups/pending").andExpect(status().isForbidden());
        }
        api().post(null, "/api/fund/groups", registration("x")).andExpect(status().isUnauthorized());
        api().get(STAFF, "/api/fund/groups/pending").andExpect(status().isOk());
    }

    @Test
    void registrationsAreChecked() throws Exception {
        api().post(COORDINATOR, "/api/fund/groups", registration("")).andExpect(status().isBadRequest());
        api().post(COORDINATOR, "/api/fund/groups", registration("a").replace("\"NPO\"", "\"CULT\""))
                .andExpect(status().isBadRequest());
        api().post(COORDINATOR, "/api/fund/groups", registration("a").replace("children", "space"))
                .andExpect(status().isBadRequest());
        api().post(COORDINATOR, "/api/fund/groups", registration("名".repeat(201))).andExpect(status().isBadRequest());
        api().post(COORDINATOR, "/api/fund/groups", registration("二行の\\n名前")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_INPUT"));
        api().post(COORDINATOR, "/api/fund/groups", registration("<b>太字の会</b>"))
                .andExpect(status().isBadRequest());
        api().post(COORDINATOR, "/api/fund/groups", registration("誰かの会").replace("coord-2", "nobody-such"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_USER"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("nobody-such")));
    }
}
