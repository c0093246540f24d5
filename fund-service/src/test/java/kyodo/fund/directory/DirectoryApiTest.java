package kyodo.fund.directory;

import com.jayway.jsonpath.JsonPath;
import kyodo.fund.FundWebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;

import static kyodo.fund.FundApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class DirectoryApiTest extends FundWebTest {
    private static final RequestPostProcessor COORDINATOR = as("coord-1", "GROUP_COORDINATOR");
    private static final RequestPostProcessor STAFF = as("staff-dir", "STAFF");
    private static final String CHECKED = "{\"note\":\"定款と代表者の運転免許証を確認\"}";

    @Autowired
    JdbcTemplate jdbc;

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
        api().get(COORDINATOR, "/api/fund/groups/" + id).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REGISTERED"))
                .andExpect(jsonPath("$.coordinators[0]").value("coord-1"));

        api().post(STAFF, "/api/fund/groups/" + id + "/verify", null).andExpect(status().isBadRequest());
        api().post(STAFF, "/api/fund/groups/" + id + "/verify", CHECKED).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("VERIFIED"))
                .andExpect(jsonPath("$.verificationNote").value("定款と代表者の運転免許証を確認"));

        api().get(null, "/api/fund/groups").andExpect(jsonPath("$[?(@.id == " + id + ")].name")
                .value("NPO法人こどもの森"));
        api().get(null, "/api/fund/groups/" + id).andExpect(status().isOk())
                .andExpect(jsonPath("$.typeJa").value("NPO法人"))
                .andExpect(jsonPath("$.coordinators").isEmpty())
                .andExpect(jsonPath("$.verificationNote").value(org.hamcrest.Matchers.nullValue()));
        api().get(null, "/api/fund/groups").andExpect(jsonPath("$[?(@.id == " + id + ")].grantsReceived").value(0));
        api().post(STAFF, "/api/fund/groups/" + id + "/verify", CHECKED).andExpect(status().isConflict());
    }

    @Test
    void staffDoNotVerifyAGroupTheyCoordinate() throws Exception {
        long id = api().postForId(as("staff-coord", "GROUP_COORDINATOR", "STAFF"), "/api/fund/groups",
                registration("自分の会"), "$.id");

        api().post(as("staff-coord", "STAFF"), "/api/fund/groups/" + id + "/verify", CHECKED)
                .andExpect(status().isForbidden());
    }

    @Test
    void aCoCoordinatorIsListedOnlyAfterAcceptingTheInvitation() throws Exception {
        long id = api().postForId(COORDINATOR, "/api/fund/groups", registration("招待の会"), "$.id");
        RequestPostProcessor invitee = as("coord-2", "GROUP_COORDINATOR");

        api().get(COORDINATOR, "/api/fund/groups/" + id).andExpect(jsonPath("$.coordinators").value(
                org.hamcrest.Matchers.contains("coord-1"))).andExpect(jsonPath("$.invited[0]").value("coord-2"));
        api().get(invitee, "/api/fund/groups/" + id).andExpect(status().isNotFound());
        String mine = api().get(invitee, "/api/fund/invitations").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<Number> ids = JsonPath.read(mine, "$[?(@.groupId == " + id + ")].id");
        assertThat(ids).hasSize(1);
        long invitation = ids.get(0).longValue();

        api().post(as("coord-3", "GROUP_COORDINATOR"), "/api/fund/invitations/" + invitation + "/accept", null)
                .andExpect(status().isNotFound());
        api().post(invitee, "/api/fund/invitations/" + invitation + "/accept", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.coordinators").value(org.hamcrest.Matchers.contains("coord-1", "coord-2")))
                .andExpect(jsonPath("$.invited").isEmpty());
        api().post(invitee, "/api/fund/invitations/" + invitation + "/accept", null)
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("WRONG_STATE"));
        api().get(invitee, "/api/fund/groups/" + id).andExpect(status().isOk());

        api().register("coord-4", "GROUP_COORDINATOR");
        long declined = api().postForId(COORDINATOR, "/api/fund/groups/" + id + "/invitations",
                "{\"username\":\"coord-4\"}", "$.id");
        api().post(COORDINATOR, "/api/fund/groups/" + id + "/invitations", "{\"username\":\"coord-4\"}")
                .andExpect(status().isConflict());
        api().post(as("coord-4", "GROUP_COORDINATOR"), "/api/fund/invitations/" + declined + "/decline", null)
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DECLINED"));
        api().get(COORDINATOR, "/api/fund/groups/" + id).andExpect(jsonPath("$.coordinators").value(
                org.hamcrest.Matchers.contains("coord-1", "coord-2")));
        api().post(as("coord-5", "GROUP_COORDINATOR"), "/api/fund/groups/" + id + "/invitations",
                "{\"username\":\"coord-4\"}").andExpect(status().isNotFound());
    }

    @Test
    void theDatabaseListsNoCoordinatorWithoutConsentAndNoDecisionWithoutItsCheck() throws Exception {
        long id = api().postForId(COORDINATOR, "/api/fund/groups", registration("同意の会"), "$.id");
        long outsider = api().register("coord-outsider", "GROUP_COORDINATOR").value();
        long staff = api().register("staff-dir", "STAFF").value();

        assertThatThrownBy(() -> jdbc.update("insert into fund_group_member (group_id, user_id) values (?, ?)",
                id, outsider)).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("has not accepted an invitation");
        assertThatThrownBy(() -> jdbc.update("update fund_group set status = 'VERIFIED', verified_by = ?, "
                + "verified_at = now() where id = ?", staff, id)).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("fund_group_decision_has_a_note");
        assertThatThrownBy(() -> jdbc.update("update fund_group set status = 'VERIFIED', verified_by = ?, "
                + "verified_at = now(), verification_note = 'ok' where id = ?", outsider, id))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("is not staff");
        long invitation = jdbc.queryForObject("select id from fund_group_invitation where group_id = ?",
                Long.class, id);
        jdbc.update("update fund_group_invitation set status = 'DECLINED', answered_at = now() where id = ?",
                invitation);
        assertThatThrownBy(() -> jdbc.update("update fund_group_invitation set status = 'ACCEPTED' where id = ?",
                invitation)).isInstanceOf(DataAccessException.class).hasMessageContaining("was answered");

        assertThat(jdbc.queryForObject("select count(*) from fund_group_member where group_id = ?", Long.class, id))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select status from fund_group where id = ?", String.class, id))
                .isEqualTo("REGISTERED");
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
            api().post(as("u-" + role, role), "/api/fund/groups/" + id + "/verify", CHECKED)
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
