package kyodo.fund.grant;

import kyodo.fund.FundWebTest;
import kyodo.ledger.EntryKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.concurrent.atomic.AtomicInteger;

import static kyodo.fund.FundApi.as;
import static kyodo.fund.grant.GrantFixtures.OPEN_UNTIL;
import static kyodo.fund.grant.GrantFixtures.STAFF;
import static kyodo.fund.grant.GrantFixtures.score;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The program rules of the ward's process (issue 16, journey 4), each refused by the use case with its code and
 * again by the database (a named constraint or trigger) for a writer that skips Java, and each leaving nothing
 * changed: a program is published with its deadline ahead, committee members as reviewers and a budget its
 * designation holds; an award waits for the deadline and for every reviewer who may score; amounts in JSON are
 * integers.
 */
class ProcessRulesTest extends FundWebTest {
    private static final AtomicInteger SERIAL = new AtomicInteger();

    @Autowired
    JdbcTemplate jdbc;

    private GrantFixtures world() {
        return new GrantFixtures(api());
    }

    /** A draft program through the API; returns its id. */
    private long draft(String field, long budget, String deadline, String... reviewers) throws Exception {
        StringBuilder list = new StringBuilder();
        for (String reviewer : reviewers) {
            list.append(list.isEmpty() ? "" : ",").append('"').append(reviewer).append('"');
        }
        return api().postForId(STAFF, "/api/fund/programs", """
                {"title":"規則の確認 %d","field":"%s","description":"","budget":%d,"startsOn":"2027-04-01",
                 "endsOn":"2028-03-31","deadline":"%s","criteria":[{"name":"公益性","weight":1}],
                 "reviewers":[%s]}""".formatted(SERIAL.incrementAndGet(), field, budget, deadline, list), "$.id");
    }

    private String programStatus(long program) {
        return jdbc.queryForObject("select status from fund_program where id = ?", String.class, program);
    }

    @Test
    void aProgramWhoseDeadlineHasPassedIsNeitherOpenedNorPublished() throws Exception {
        api().register("reviewer-rules", "COMMITTEE");
        api().post(STAFF, "/api/fund/programs", """
                        {"title":"過去の期限","field":"children","budget":1000,"startsOn":"2027-04-01",
                         "endsOn":"2028-03-31","deadline":"2020-05-31T08:00:00Z",
                         "criteria":[{"name":"公益性","weight":1}],"reviewers":["reviewer-rules"]}""")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DEADLINE_NOT_AHEAD"))
                .andExpect(jsonPath("$.message_ja").value(containsString("申請期限が今より前です")));
        world().fund("field:children", 1000);
        long program = draft("children", 1000, OPEN_UNTIL, "reviewer-rules");
        // A writer that skips Java is refused too: a publication at or after the deadline.
        assertThatThrownBy(() -> jdbc.update("""
                update fund_program set status = 'PUBLISHED', published_at = deadline, published_by = created_by,
                    published_available = budget where id = ?""", program))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("fund_program_deadline_after_publication");
        assertThat(programStatus(program)).isEqualTo("DRAFT");
    }

    @Test
    void reviewersAreMembersOfTheCommittee() throws Exception {
        api().register("resident-rules", "RESIDENT");
        api().post(STAFF, "/api/fund/programs", """
                        {"title":"住民が審査","field":"children","budget":1000,"startsOn":"2027-04-01",
                         "endsOn":"2028-03-31","deadline":"%s","criteria":[{"name":"公益性","weight":1}],
                         "reviewers":["resident-rules"]}""".formatted(OPEN_UNTIL))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("NOT_A_COMMITTEE_MEMBER"))
                .andExpect(jsonPath("$.detail").value(containsString("resident-rules")));
        api().post(STAFF, "/api/fund/programs", """
                        {"title":"いない人が審査","field":"children","budget":1000,"startsOn":"2027-04-01",
                         "endsOn":"2028-03-31","deadline":"%s","criteria":[{"name":"公益性","weight":1}],
                         "reviewers":["nobody-at-all"]}""".formatted(OPEN_UNTIL))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_USER"));

        long program = draft("children", 1000, OPEN_UNTIL);
        world().fund("field:children", 1000);
        api().post(STAFF, "/api/fund/programs/" + program + "/publish", null)
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("NO_REVIEWERS"));
        long resident = api().register("resident-rules", "RESIDENT").value();
        assertThatThrownBy(() -> jdbc.update(
                "insert into fund_program_reviewer (program_id, reviewer_id) values (?, ?)", program, resident))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("is not a committee member");
        assertThatThrownBy(() -> jdbc.update("""
                update fund_program set status = 'PUBLISHED', published_at = now(), published_by = created_by,
                    published_available = budget where id = ?""", program))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("has no reviewers");
        assertThat(programStatus(program)).isEqualTo("DRAFT");
        assertThat(jdbc.queryForObject("select count(*) from fund_program_reviewer where program_id = ?", Long.class,
                program)).isZero();
    }

    @Test
    void theBudgetIsWithinWhatTheDesignationCanStillCommit() throws Exception {
        api().register("reviewer-rules", "COMMITTEE");
        GrantFixtures world = world();
        long available = ledger.account("fund:designation:field:disaster").map(a -> a.balance().available())
                .orElse(0L);
        long program = draft("disaster", available + 10 * 1_000_000, OPEN_UNTIL, "reviewer-rules");

        api().post(STAFF, "/api/fund/programs/" + program + "/publish", null)
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("BUDGET_OVER_AVAILABLE"))
                .andExpect(jsonPath("$.detail").value(containsString("can commit " + available + " yen")));
        assertThat(programStatus(program)).isEqualTo("DRAFT");
        assertThatThrownBy(() -> jdbc.update("""
                update fund_program set status = 'PUBLISHED', published_at = now(), published_by = created_by,
                    published_available = ? where id = ?""", available, program))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("fund_program_budget_within_available");
        assertThat(programStatus(program)).isEqualTo("DRAFT");

        world.fund("field:disaster", available + 10 * 1_000_000);
        api().post(STAFF, "/api/fund/programs/" + program + "/publish", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"));
        assertThatThrownBy(() -> jdbc.update("update fund_program set published_available = 1 where id = ?",
                program)).isInstanceOf(DataAccessException.class).hasMessageContaining("publication record");
    }

    @Test
    void noAwardBeforeTheDeadlineNorBeforeEveryReviewerScored() throws Exception {
        GrantFixtures world = world();
        long group = world.group("coord-rules-award", "交付の会");
        long program = world.program("children", null, 50_000, OPEN_UNTIL, "reviewer-award-a", "reviewer-award-b",
                "reviewer-award-c");
        long application = world.submitted("coord-rules-award", program, group, 10_000);
        long head = ledger.head().sequence();

        api().post(STAFF, "/api/fund/applications/" + application + "/award", "{\"amount\":10000}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("BEFORE_DEADLINE"));
        try (var late = world.afterDeadline(application)) {
            api().post(STAFF, "/api/fund/applications/" + application + "/award", "{\"amount\":10000}")
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("REVIEWS_INCOMPLETE"))
                    .andExpect(jsonPath("$.detail").value(containsString("3 not yet reviewed")));
        }
        api().post(as("reviewer-award-a", "COMMITTEE"), "/api/fund/applications/" + application + "/reviews",
                score(3, 3)).andExpect(status().isCreated());
        api().post(as("reviewer-award-b", "COMMITTEE"), "/api/fund/applications/" + application + "/reviews",
                "{\"conflict\":true}").andExpect(status().isCreated());
        try (var late = world.afterDeadline(application)) {
            api().post(STAFF, "/api/fund/applications/" + application + "/award", "{\"amount\":10000}")
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("REVIEWS_INCOMPLETE"))
                    .andExpect(jsonPath("$.detail").value(containsString("1 not yet reviewed")));
            assertThatThrownBy(() -> awardBySql(application, program, "now()"))
                    .isInstanceOf(DataAccessException.class).hasMessageContaining("have not reviewed it yet");
        }
        assertThat(ledger.head().sequence()).isEqualTo(head);
        assertThat(ledger.entry(new EntryKey("fund-award-" + application))).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from fund_award where application_id = ?", Long.class,
                application)).isZero();

        // The last reviewer scores: the award may be decided now, and the reviews are then fixed.
        api().post(as("reviewer-award-c", "COMMITTEE"), "/api/fund/applications/" + application + "/reviews",
                score(4, 4)).andExpect(status().isCreated());
        assertThatThrownBy(() -> awardBySql(application, program, "'2027-03-31T23:59:00Z'"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("cannot be awarded");
        world.award(application, 10_000);
        long reviewer = api().register("reviewer-award-a", "COMMITTEE").value();
        assertThatThrownBy(() -> jdbc.update("update fund_review_score set score = 5 where application_id = ? "
                + "and reviewer_id = ?", application, reviewer)).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("its reviews are the record of the decision");
    }

    /** An award row written straight into the table at {@code decidedAt} (SQL), skipping the use case. */
    private void awardBySql(long application, long program, String decidedAt) {
        long staff = api().register("staff-a", "STAFF").value();
        jdbc.update("""
                insert into fund_award (application_id, program_id, amount, designation, award_key, hold_key,
                    hold_leg, remaining, status, decided_by, decided_at)
                values (?, ?, 10000, 'field:children', 'sql-award-' || ?, 'sql-award-' || ?, 0, 10000, 'ACTIVE', ?,
                    %s)""".formatted(decidedAt), application, program, application, application, staff);
    }

    @Test
    void theDatabaseKeepsAReviewEitherAConflictOrScores() throws Exception {
        GrantFixtures world = world();
        long group = world.group("coord-rules-review", "審査の会");
        long program = world.program("children", null, 50_000, OPEN_UNTIL, "reviewer-review-db");
        long application = world.submitted("coord-rules-review", program, group, 10_000);
        RequestPostProcessor reviewer = as("reviewer-review-db", "COMMITTEE");
        api().post(reviewer, "/api/fund/applications/" + application + "/reviews", score(2, 2))
                .andExpect(status().isCreated());
        long id = api().register("reviewer-review-db", "COMMITTEE").value();
        long outsider = api().register("reviewer-not-assigned", "COMMITTEE").value();

        assertThatThrownBy(() -> jdbc.update("update fund_review set conflict_declared = true where "
                + "application_id = ? and reviewer_id = ?", application, id))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("before declaring a conflict");
        assertThatThrownBy(() -> jdbc.update("insert into fund_review (application_id, reviewer_id, "
                + "conflict_declared, reviewed_at) values (?, ?, false, now())", application, outsider))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("is not a reviewer of the program");
        assertThatThrownBy(() -> jdbc.update("insert into fund_review_score (application_id, reviewer_id, "
                + "criterion_idx, score, comment) values (?, ?, 7, 1, '')", application, id))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("is not a criterion");
        assertThat(jdbc.queryForObject("select count(*) from fund_review_score where application_id = ?",
                Long.class, application)).isEqualTo(2);
    }

    @Test
    void jsonAmountsAreIntegersAndTheRefusalNamesTheField() throws Exception {
        api().register("reviewer-rules", "COMMITTEE");
        String form = """
                {"title":"JSON の額","field":"children","budget":%s,"startsOn":"2027-04-01","endsOn":"2028-03-31",
                 "deadline":"%s","criteria":[{"name":"公益性","weight":1}],"reviewers":["reviewer-rules"]}""";
        for (String budget : new String[] {"\"10000\"", "1.5", "1e4", "10000.0", "true"}) {
            api().post(STAFF, "/api/fund/programs", form.formatted(budget, OPEN_UNTIL))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_INPUT"))
                    .andExpect(jsonPath("$.detail").value(containsString("budget")));
        }
        api().post(STAFF, "/api/fund/programs", form.formatted("10000", OPEN_UNTIL)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.budget").value(10000));
        assertThat(jdbc.queryForObject("select count(*) from fund_program where title = 'JSON の額'", Long.class))
                .isEqualTo(1);
    }
}
