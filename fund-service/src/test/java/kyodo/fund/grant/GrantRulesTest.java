package kyodo.fund.grant;

import kyodo.fund.FundWebTest;
import kyodo.fund.books.FundBooks;
import kyodo.ledger.EntryKey;
import kyodo.ledger.testing.MutableClock;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Instant;

import static kyodo.fund.FundApi.as;
import static kyodo.fund.grant.GrantFixtures.STAFF;
import static kyodo.fund.grant.GrantFixtures.STAFF_B;
import static kyodo.fund.grant.GrantFixtures.score;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The fund rules of issue 5, through the API, on the real books. */
class GrantRulesTest extends FundWebTest {
    private static final String OPEN_UNTIL = GrantFixtures.OPEN_UNTIL;

    @Autowired
    MutableClock clock;

    private GrantFixtures world() {
        return new GrantFixtures(api());
    }

    private long available(String code) {
        return ledger.account(code).map(a -> a.balance().available()).orElse(0L);
    }

    private long posted(String code) {
        return ledger.account(code).map(a -> a.balance().posted()).orElse(0L);
    }

    @Test
    void designatedMoneyCannotFundAnotherField() throws Exception {
        GrantFixtures world = world();
        world.donate(100_000, "field:children");
        long group = world.group("coord-field", "環境を守る会");
        long program = world.program("environment", "general", 1_000_000, OPEN_UNTIL);
        long application = world.submitted("coord-field", program, group, 50_000);
        world.reviewed(application);

        try (var late = world.afterDeadline(application)) {
            api().post(STAFF, "/api/fund/applications/" + application + "/award",
                            "{\"amount\":50000,\"designation\":\"field:children\"}")
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DESIGNATION_MISMATCH"));
            api().post(STAFF, "/api/fund/applications/" + application + "/award",
                            "{\"amount\":50000,\"designation\":\"group:" + (group + 1000) + "\"}")
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DESIGNATION_MISMATCH"));
        }
        api().post(STAFF, "/api/fund/programs", """
                        {"title":"x","field":"environment","designation":"field:children","budget":1,
                         "startsOn":"2027-04-01","endsOn":"2027-04-02","deadline":"%s",
                         "criteria":[{"name":"a","weight":1}]}""".formatted(OPEN_UNTIL))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DESIGNATION_MISMATCH"));
    }

    @Test
    void moneyDesignatedToAGroupFundsThatGroup() throws Exception {
        GrantFixtures world = world();
        long group = world.group("coord-own", "こども応援団");
        world.donate(40_000, "group:" + group);
        long program = world.program("children", "general", 1_000_000, OPEN_UNTIL);
        long application = world.submitted("coord-own", program, group, 40_000);
        world.reviewed(application);

        try (var late = world.afterDeadline(application)) {
            api().post(STAFF, "/api/fund/applications/" + application + "/award",
                            "{\"amount\":40000,\"designation\":\"group:" + group + "\"}")
                    .andExpect(status().isCreated());
        }

        assertThat(available("fund:designation:group:" + group)).isZero();
    }

    @Test
    void awardsBeyondTheBudgetOrTheDesignatedBalanceAreRefused() throws Exception {
        GrantFixtures world = world();
        long group = world.group("coord-budget", "高齢者見守りの会");
        long program = world.program("elderly", null, 300_000, OPEN_UNTIL);
        long first = world.submitted("coord-budget", program, group, 200_000);
        long second = world.submitted("coord-budget", program, group, 200_000);
        world.award(first, 200_000);
        world.reviewed(second);

        try (var late = world.afterDeadline(second)) {
            api().post(STAFF, "/api/fund/applications/" + second + "/award", "{\"amount\":100001}")
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("BUDGET_EXCEEDED"));
        }

        // Money designated to the group holds 10,000 yen: an award of more from it is refused by the books.
        world.donate(10_000, "group:" + group);
        long poorProgram = world.program("elderly", null, 300_000, OPEN_UNTIL);
        long poor = world.submitted("coord-budget", poorProgram, group, 200_000);
        world.reviewed(poor);
        long before = available("fund:designation:group:" + group);
        try (var late = world.afterDeadline(poor)) {
            api().post(STAFF, "/api/fund/applications/" + poor + "/award",
                            "{\"amount\":" + (before + 1) + ",\"designation\":\"group:" + group + "\"}")
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("INSUFFICIENT_FUNDS"));
        }
        assertThat(available("fund:designation:group:" + group)).isEqualTo(before);
    }

    @Test
    void anAwardIsAHoldOnItsDesignation() throws Exception {
        GrantFixtures world = world();
        world.donate(500_000, "field:culture");
        long group = world.group("coord-hold", "文化の会");
        long program = world.program("culture", null, 1_000_000, OPEN_UNTIL);
        long application = world.submitted("coord-hold", program, group, 120_000);
        long postedBefore = posted("fund:designation:field:culture");
        long availableBefore = available("fund:designation:field:culture");

        world.award(application, 120_000);

        assertThat(posted("fund:designation:field:culture")).isEqualTo(postedBefore);
        assertThat(available("fund:designation:field:culture")).isEqualTo(availableBefore - 120_000);
        assertThat(ledger.entry(new EntryKey("fund-award-" + application)).orElseThrow().legs().get(0).kind().name())
                .isEqualTo("PENDING");
    }

    @Test
    void aDisbursementApprovedByItsRequesterIsRefused() throws Exception {
        GrantFixtures world = world();
        world.donate(300_000, "field:community");
        long group = world.group("coord-pay", "まちづくり協議会");
        long program = world.program("community", null, 1_000_000, OPEN_UNTIL);
        long award = world.award(world.submitted("coord-pay", program, group, 100_000), 100_000);
        long disbursement = api().postForId(STAFF, "/api/fund/awards/" + award + "/disbursements",
                "{\"amount\":60000}", "$.id");
        long bank = posted(FundBooks.BANK);

        api().post(STAFF, "/api/fund/disbursements/" + disbursement + "/approve", null)
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("SAME_APPROVER"));
        assertThat(posted(FundBooks.BANK)).isEqualTo(bank);

        api().post(STAFF, "/api/fund/disbursements/" + disbursement + "/reject", null)
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("SAME_APPROVER"));
        api().post(STAFF_B, "/api/fund/disbursements/" + disbursement + "/approve", null)
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
        api().post(STAFF_B, "/api/fund/disbursements/" + disbursement + "/approve", null)
                .andExpect(status().isConflict());
        assertThat(posted(FundBooks.BANK)).isEqualTo(bank - 60_000);
    }

    @Test
    void tranchesNeverExceedTheAwardAndClosingReleasesTheRest() throws Exception {
        GrantFixtures world = world();
        world.donate(500_000, "general");
        long group = world.group("coord-tranche", "防災ネット");
        long program = world.program("disaster", "general", 1_000_000, OPEN_UNTIL);
        long award = world.award(world.submitted("coord-tranche", program, group, 100_000), 100_000);
        long generalBefore = available("fund:designation:general");

        long first = api().postForId(STAFF, "/api/fund/awards/" + award + "/disbursements", "{\"amount\":40000}",
                "$.id");
        api().post(STAFF_B, "/api/fund/disbursements/" + first + "/approve", null).andExpect(status().isOk());
        long second = api().postForId(STAFF_B, "/api/fund/awards/" + award + "/disbursements",
                "{\"amount\":30000}", "$.id");
        api().post(STAFF, "/api/fund/awards/" + award + "/disbursements", "{\"amount\":30001}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("EXCEEDS_AWARD"));
        api().post(STAFF, "/api/fund/disbursements/" + second + "/approve", null).andExpect(status().isOk());
        api().post(STAFF, "/api/fund/awards/" + award + "/disbursements", "{\"amount\":30001}")
                .andExpect(status().isConflict());

        api().post(STAFF, "/api/fund/awards/" + award + "/close", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED")).andExpect(jsonPath("$.disbursed").value(70_000));

        assertThat(available("fund:designation:general")).isEqualTo(generalBefore + 30_000);
        api().post(STAFF, "/api/fund/awards/" + award + "/disbursements", "{\"amount\":1}")
                .andExpect(status().isConflict());
    }

    @Test
    void aReviewerWithAConflictCannotScoreNorSeeTheOthersScores() throws Exception {
        GrantFixtures world = world();
        long group = world.group("coord-reviewer", "子育てサロン");
        long program = world.program("children", null, 1_000_000, OPEN_UNTIL, "reviewer-member", "reviewer-x");
        long application = world.submitted("coord-reviewer", program, group, 10_000);
        long memberGroup = world.group("reviewer-member", "審査員の会");
        long conflicted = world.submitted("reviewer-member", program, memberGroup, 10_000);
        RequestPostProcessor member = as("reviewer-member", "COMMITTEE", "GROUP_COORDINATOR");

        api().post(member, "/api/fund/applications/" + conflicted + "/reviews", score(5, 5))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("CONFLICT_OF_INTEREST"));
        api().post(member, "/api/fund/applications/" + conflicted + "/reviews", """
                        {"conflict":true,"scores":[{"criterion":0,"score":5},{"criterion":1,"score":5}]}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("SCORES_WITH_CONFLICT"));
        api().post(member, "/api/fund/applications/" + conflicted + "/reviews",
                "{\"conflict\":true}").andExpect(status().isCreated());
        api().post(member, "/api/fund/applications/" + application + "/reviews", score(4, 3))
                .andExpect(status().isCreated());
        api().post(as("reviewer-x", "COMMITTEE"), "/api/fund/applications/" + conflicted + "/reviews",
                score(2, 2)).andExpect(status().isCreated());

        api().get(member, "/api/fund/programs/" + program + "/ranking").andExpect(status().isOk())
                .andExpect(jsonPath("$[0].applicationId").value(application))
                .andExpect(jsonPath("$[0].scorePerMille").value((4 * 3 + 3 * 2) * 1000 / 25))
                .andExpect(jsonPath("$[1].applicationId").value(conflicted))
                .andExpect(jsonPath("$[1].scorePerMille").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$[1].reviewers").value(0))
                .andExpect(jsonPath("$[1].progress.conflicted").value(1));
        api().get(STAFF, "/api/fund/programs/" + program + "/ranking").andExpect(status().isOk())
                .andExpect(jsonPath("$[1].applicationId").value(conflicted))
                .andExpect(jsonPath("$[1].scorePerMille").value((2 * 3 + 2 * 2) * 1000 / 25))
                .andExpect(jsonPath("$[1].progress.scored").value(1))
                .andExpect(jsonPath("$[1].progress.pending").value(0));
    }

    @Test
    void aSecondReviewReplacesTheFirstUntilTheAwardIsDecided() throws Exception {
        GrantFixtures world = world();
        long group = world.group("coord-rereview", "見直しの審査");
        long program = world.program("children", null, 100_000, OPEN_UNTIL, "reviewer-again");
        long application = world.submitted("coord-rereview", program, group, 10_000);
        RequestPostProcessor reviewer = as("reviewer-again", "COMMITTEE");

        api().post(reviewer, "/api/fund/applications/" + application + "/reviews", score(1, 1))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.replaced").value(false));
        api().post(reviewer, "/api/fund/applications/" + application + "/reviews", score(5, 4))
                .andExpect(status().isOk()).andExpect(jsonPath("$.replaced").value(true));
        api().get(STAFF, "/api/fund/programs/" + program + "/ranking")
                .andExpect(jsonPath("$[0].scorePerMille").value((5 * 3 + 4 * 2) * 1000 / 25));

        world.award(application, 10_000);
        api().post(reviewer, "/api/fund/applications/" + application + "/reviews", score(0, 0))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("REVIEW_CLOSED"));
        api().get(STAFF, "/api/fund/programs/" + program + "/ranking")
                .andExpect(jsonPath("$[0].scorePerMille").value((5 * 3 + 4 * 2) * 1000 / 25));
    }

    @Test
    void reviewersSeeOnlyWhatTheyAreAssigned() throws Exception {
        GrantFixtures world = world();
        long group = world.group("coord-assigned", "読み聞かせの会");
        long program = world.program("children", null, 1_000_000, OPEN_UNTIL, "reviewer-assigned");
        long draft = world.draft("coord-assigned", program, group, 5_000);
        long application = world.submitted("coord-assigned", program, group, 5_000);
        RequestPostProcessor outsider = as("reviewer-outsider", "COMMITTEE");

        api().get(as("reviewer-assigned", "COMMITTEE"), "/api/fund/applications/" + application)
                .andExpect(status().isOk());
        api().get(as("reviewer-assigned", "COMMITTEE"), "/api/fund/applications/" + draft)
                .andExpect(status().isNotFound());
        api().get(outsider, "/api/fund/applications/" + application).andExpect(status().isNotFound());
        api().post(outsider, "/api/fund/applications/" + application + "/reviews", score(1, 1))
                .andExpect(status().isNotFound());
        api().get(outsider, "/api/fund/programs/" + program + "/ranking").andExpect(status().isNotFound());
        api().get(as("coord-other", "GROUP_COORDINATOR"), "/api/fund/applications/" + application)
                .andExpect(status().isNotFound());
        api().get(as("coord-assigned", "GROUP_COORDINATOR"), "/api/fund/applications/mine")
                .andExpect(jsonPath("$.length()").value(2));
        api().get(as("coord-other", "GROUP_COORDINATOR"), "/api/fund/applications/mine")
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void submittingAfterTheDeadlineIsRefused() throws Exception {
        GrantFixtures world = world();
        long group = world.group("coord-late", "遅れた会");
        long program = world.program("children", null, 1_000_000, "2027-04-10T15:00:00Z");
        long draft = world.draft("coord-late", program, group, 5_000);
        clock.set(Instant.parse("2027-04-10T15:00:00Z"));
        try {
            api().post(as("coord-late", "GROUP_COORDINATOR"), "/api/fund/applications/" + draft + "/submit", null)
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DEADLINE_PASSED"));
            api().post(as("coord-late", "GROUP_COORDINATOR"), "/api/fund/applications", """
                            {"programId":%d,"groupId":%d,"title":"t","requested":1}""".formatted(program, group))
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("DEADLINE_PASSED"));
        } finally {
            clock.reset();
        }
        api().get(as("coord-late", "GROUP_COORDINATOR"), "/api/fund/applications/" + draft)
                .andExpect(jsonPath("$.status").value("DRAFT"));
    }

    @Test
    void onlyCoordinatorsOfAVerifiedGroupApply() throws Exception {
        GrantFixtures world = world();
        long program = world.program("children", null, 1_000_000, OPEN_UNTIL);
        long group = world.group("coord-verified", "確認済みの会");
        long unverified = api().postForId(as("coord-unverified", "GROUP_COORDINATOR"), "/api/fund/groups", """
                {"name":"未確認の会","type":"OTHER","representative":"a","contact":"b","field":"children"}""", "$.id");

        api().post(as("coord-intruder", "GROUP_COORDINATOR"), "/api/fund/applications", """
                        {"programId":%d,"groupId":%d,"title":"t","requested":1}""".formatted(program, group))
                .andExpect(status().isForbidden());
        api().post(as("coord-unverified", "GROUP_COORDINATOR"), "/api/fund/applications", """
                        {"programId":%d,"groupId":%d,"title":"t","requested":1}""".formatted(program, unverified))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("GROUP_NOT_VERIFIED"));
    }

    @Test
    void theAgreementNamesTheGroupProjectAndAmountInJapanese() throws Exception {
        GrantFixtures world = world();
        world.donate(200_000, "field:children");
        long group = world.group("coord-agreement", "NPO法人ひまわり");
        long program = world.program("children", null, 1_000_000, OPEN_UNTIL);
        long award = world.award(world.submitted("coord-agreement", program, group, 150_000), 150_000);

        byte[] pdf = api().get(null, "/api/fund/awards/" + award + "/agreement.pdf").andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF)).andReturn().getResponse()
                .getContentAsByteArray();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("協働協定書").contains("NPO法人ひまわり").contains("放課後こども食堂")
                    .contains("¥150,000").contains("食材費").contains("地域の子どもに食事と学びの場を")
                    .contains("2027年4月1日 〜 2028年3月31日").contains("役割分担").contains("責任").contains("報告");
        }
    }

    @Test
    void resultsAreReportedEvaluatedAndPublished() throws Exception {
        GrantFixtures world = world();
        world.donate(100_000, "field:children");
        long group = world.group("coord-result", "学習支援の会");
        long program = world.program("children", null, 1_000_000, OPEN_UNTIL, "reviewer-eval");
        long award = world.award(world.submitted("coord-result", program, group, 50_000), 50_000);

        api().post(as("reviewer-eval", "COMMITTEE"), "/api/fund/awards/" + award + "/evaluations",
                "{\"goalAchievement\":4}").andExpect(status().isConflict());
        api().post(as("coord-other", "GROUP_COORDINATOR"), "/api/fund/awards/" + award + "/report",
                "{\"summary\":\"x\"}").andExpect(status().isNotFound());
        api().post(as("coord-result", "GROUP_COORDINATOR"), "/api/fund/awards/" + award + "/report",
                "{\"summary\":\"延べ300人の子どもが参加した\"}").andExpect(status().isCreated());
        api().post(as("reviewer-eval", "COMMITTEE"), "/api/fund/awards/" + award + "/evaluations",
                "{\"goalAchievement\":4,\"comment\":\"目標を概ね達成\"}").andExpect(status().isCreated());
        api().post(as("reviewer-stranger", "COMMITTEE"), "/api/fund/awards/" + award + "/evaluations",
                "{\"goalAchievement\":1}").andExpect(status().isNotFound());

        api().get(null, "/api/fund/results").andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.awardId == " + award + ")].report").value("延べ300人の子どもが参加した"))
                .andExpect(jsonPath("$[?(@.awardId == " + award + ")].evaluations[0].goalAchievement").value(4));
    }

    @Test
    void twoStaffAwardingTheSameApplicationAtOnceCommitItOnce() throws Exception {
        GrantFixtures world = world();
        world.donate(200_000, "field:environment");
        long group = world.group("coord-race", "川をきれいにする会");
        long program = world.program("environment", null, 1_000_000, OPEN_UNTIL);
        long application = world.submitted("coord-race", program, group, 80_000);
        world.reviewed(application);
        long before = available("fund:designation:field:environment");

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try (var late = world.afterDeadline(application)) {
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (RequestPostProcessor staff : java.util.List.of(STAFF, STAFF_B)) {
                answers.add(pool.submit(() -> api().post(staff, "/api/fund/applications/" + application + "/award",
                        "{\"amount\":80000}").andReturn().getResponse().getStatus()));
            }
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(available("fund:designation:field:environment")).isEqualTo(before - 80_000);
    }

    @Test
    void aDraftIsRevisedUntilItIsSubmitted() throws Exception {
        GrantFixtures world = world();
        long group = world.group("coord-revise", "見直しの会");
        long program = world.program("children", null, 1_000_000, OPEN_UNTIL);
        long draft = world.draft("coord-revise", program, group, 10_000);
        RequestPostProcessor coordinator = as("coord-revise", "GROUP_COORDINATOR");
        String revised = """
                {"title":"改訂版","purpose":"目的","requested":12000,
                 "budget":[{"item":"会場費","amount":5000},{"item":"講師謝礼","amount":7000}]}""";

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .put("/api/fund/applications/" + draft).with(as("coord-other", "GROUP_COORDINATOR"))
                        .contentType(MediaType.APPLICATION_JSON).content(revised))
                .andExpect(status().isNotFound());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .put("/api/fund/applications/" + draft).with(coordinator)
                        .contentType(MediaType.APPLICATION_JSON).content(revised))
                .andExpect(status().isOk()).andExpect(jsonPath("$.title").value("改訂版"))
                .andExpect(jsonPath("$.requested").value(12_000))
                .andExpect(jsonPath("$.budget[1].item").value("講師謝礼"));
        api().post(coordinator, "/api/fund/applications/" + draft + "/submit", null).andExpect(status().isOk());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .put("/api/fund/applications/" + draft).with(coordinator)
                        .contentType(MediaType.APPLICATION_JSON).content(revised))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("WRONG_STATE"));
    }
}
