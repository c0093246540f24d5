package kyodo.fund.grant;

import kyodo.fund.FundWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import static kyodo.fund.FundApi.as;
import static kyodo.fund.grant.GrantFixtures.STAFF;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fund's rules again in the database: even SQL that skips the Java checks cannot break them. */
class DatabaseRulesTest extends FundWebTest {
    private static final String OPEN_UNTIL = GrantFixtures.OPEN_UNTIL;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDatabaseRefusesScoresFromAMemberOfTheApplicantGroup() throws Exception {
        GrantFixtures world = new GrantFixtures(api());
        long member = api().register("reviewer-trigger", "COMMITTEE").value();
        long group = world.group("reviewer-trigger", "トリガーの会");
        long program = world.program("children", null, 1_000_000, OPEN_UNTIL, "reviewer-trigger");
        long application = world.submitted("reviewer-trigger", program, group, 10_000);
        jdbc.update("insert into fund_review (application_id, reviewer_id, conflict_declared, reviewed_at) "
                + "values (?, ?, false, now())", application, member);

        assertThatThrownBy(() -> jdbc.update("insert into fund_review_score (application_id, reviewer_id, "
                + "criterion_idx, score, comment) values (?, ?, 0, 5, '')", application, member))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("belongs to the applicant group");
    }

    @Test
    void theDatabaseRefusesAnApproverWhoRequestedTheTranche() throws Exception {
        GrantFixtures world = new GrantFixtures(api());
        world.donate(50_000, "general");
        long group = world.group("coord-db-pay", "二人制の会");
        long program = world.program("children", "general", 1_000_000, OPEN_UNTIL);
        long award = world.award(world.submitted("coord-db-pay", program, group, 20_000), 20_000);
        long disbursement = api().postForId(STAFF, "/api/fund/awards/" + award + "/disbursements",
                "{\"amount\":5000}", "$.id");

        assertThatThrownBy(() -> jdbc.update("update fund_disbursement set status = 'REJECTED', "
                + "decided_by = requested_by, decided_at = now() where id = ?", disbursement))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("approver_is_not_requester");
    }

    @Test
    void theDatabaseRefusesNamesThatAreNotDisplayTextOnTheFundsTables() throws Exception {
        GrantFixtures world = new GrantFixtures(api());
        long group = world.group("coord-display", "表示の会");
        long program = world.program("children", null, 1_000_000, OPEN_UNTIL);
        long application = world.draft("coord-display", program, group, 10_000);

        assertThatThrownBy(() -> jdbc.update("update fund_group set name = ? where id = ?", "表示\u202eの会", group))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("fund_group_name_displayable");
        assertThatThrownBy(() -> jdbc.update("update fund_group set representative = ? where id = ?", "<b>代表",
                group)).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("fund_group_representative_displayable");
        assertThatThrownBy(() -> jdbc.update("update fund_application set title = ? where id = ?", "二行の\n題",
                application)).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("fund_application_title_displayable");
        jdbc.update("update fund_group set description = ? where id = ?", "一行目\n二行目", group);
    }

    @Test
    void theDatabaseNeverDeletesADonation() throws Exception {
        long id = api().postForId(as("donor-db", "DONOR"), "/api/fund/donations",
                "{\"donorType\":\"INDIVIDUAL\",\"donorName\":\"消せない\",\"amount\":100}", "$.id");

        assertThatThrownBy(() -> jdbc.update("delete from fund_donation where id = ?", id))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("never deleted");
    }
}
