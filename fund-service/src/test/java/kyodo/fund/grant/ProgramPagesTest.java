package kyodo.fund.grant;

import kyodo.fund.FundWebTest;
import kyodo.fund.access.Role;
import kyodo.fund.access.UserId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static kyodo.fund.FundApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Staff pages for grant programs: open, revise and publish a program; rank, award, agreement and tranches. */
class ProgramPagesTest extends FundWebTest {
    private static final RequestPostProcessor STAFF = as("staff-programs", "STAFF");
    private static final AtomicInteger SERIAL = new AtomicInteger();

    @Autowired
    Programs programs;
    @Autowired
    JdbcTemplate jdbc;

    private static MockHttpServletRequestBuilder programForm(String path, String title, String budget,
                                                             String... overrides) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", title);
        values.put("field", "environment");
        values.put("designation", "");
        values.put("description", "川辺の清掃と観察会");
        values.put("budget", budget);
        values.put("startsOn", "2027-04-01");
        values.put("endsOn", "2028-03-31");
        values.put("deadline", "2027-05-31T17:00");
        values.put("criterionName0", "公益性");
        values.put("criterionWeight0", "3");
        values.put("criterionName1", "実現可能性");
        values.put("criterionWeight1", "２");
        values.put("criterionName2", "");
        values.put("criterionWeight2", "");
        values.put("reviewers", "reviewer-p1\nreviewer-p2");
        for (int i = 0; i < overrides.length; i += 2) {
            values.put(overrides[i], overrides[i + 1]);
        }
        MockHttpServletRequestBuilder request = post(path).with(STAFF).with(csrf());
        values.forEach(request::param);
        return request;
    }

    private long openedProgram(String title) throws Exception {
        api().register("reviewer-p1", "COMMITTEE");
        api().register("reviewer-p2", "COMMITTEE");
        new GrantFixtures(api()).fund("field:environment", 2_000_000);
        String location = mvc.perform(programForm("/fund/staff/programs", title, "¥1,500,000"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/fund/staff/programs/[0-9]+\\?done=opened");
        return Long.parseLong(location.replaceAll("[^0-9]*([0-9]+).*", "$1"));
    }

    @Test
    void staffOpenReviseAndPublishAProgramThenItsTermsAreFixed() throws Exception {
        String title = "水辺の環境保全助成 " + SERIAL.incrementAndGet();
        long id = openedProgram(title);

        mvc.perform(get("/fund/staff/programs/" + id + "?done=opened").with(STAFF)).andExpect(status().isOk())
                .andExpect(content().string(containsString("下書きとして保存しました")))
                .andExpect(content().string(containsString("value=\"" + title + "\"")))
                .andExpect(content().string(containsString("value=\"1500000\"")))
                .andExpect(content().string(containsString("value=\"2027-05-31T17:00\"")))
                .andExpect(content().string(containsString("value=\"実現可能性\"")));
        Program draft = programs.find(new ProgramId(id)).orElseThrow();
        assertThat(draft.criteria()).containsExactly(new Program.Criterion("公益性", 3),
                new Program.Criterion("実現可能性", 2));
        assertThat(draft.reviewers()).containsExactlyInAnyOrder(people.register("reviewer-p1", Role.COMMITTEE),
                people.register("reviewer-p2", Role.COMMITTEE));
        assertThat(draft.deadline()).isEqualTo(java.time.Instant.parse("2027-05-31T08:00:00Z"));

        mvc.perform(programForm("/fund/staff/programs/" + id, title, "2000000")).andExpect(status().is3xxRedirection());
        assertThat(programs.find(new ProgramId(id)).orElseThrow().budget()).isEqualTo(2_000_000);
        mvc.perform(get("/fund/staff/programs").with(STAFF)).andExpect(status().isOk())
                .andExpect(content().string(containsString(title))).andExpect(content().string(containsString("下書き")));

        mvc.perform(post("/fund/staff/programs/" + id + "/publish").with(STAFF).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/fund/staff/programs/" + id + "?done=published").with(STAFF).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The program is published.")))
                .andExpect(content().string(containsString("Ranking by the committee")))
                .andExpect(content().string(containsString("No applications have been submitted.")));

        mvc.perform(programForm("/fund/staff/programs/" + id, title, "9000000")).andExpect(status().isOk())
                .andExpect(content().string(containsString("現在の状態ではこの操作はできません。")));
        assertThat(programs.find(new ProgramId(id)).orElseThrow().budget()).isEqualTo(2_000_000);
        mvc.perform(post("/fund/staff/programs/" + id + "/publish").with(STAFF).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("role=\"alert\"")));
    }

    @Test
    void aBadProgramFormIsShownAgainWithWhatWasTypedAndTheReasonInTheVisitorsLanguage() throws Exception {
        mvc.perform(programForm("/fund/staff/programs", "予算の誤り", "たくさん")).andExpect(status().isOk())
                .andExpect(content().string(containsString("予算は円単位の整数で入力してください")))
                .andExpect(content().string(containsString("value=\"予算の誤り\"")))
                .andExpect(content().string(containsString("value=\"たくさん\"")));
        mvc.perform(programForm("/fund/staff/programs", "Budget", "0").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The budget must be at least 1 yen.")));
        mvc.perform(programForm("/fund/staff/programs", "小数", "1000.5"))
                .andExpect(content().string(containsString("予算は円単位の整数で入力してください")));
        mvc.perform(programForm("/fund/staff/programs", "桁区切りの誤り", "1,00"))
                .andExpect(content().string(containsString("予算は円単位の整数で入力してください")));
        mvc.perform(programForm("/fund/staff/programs", "過去の期限", "1000", "deadline", "2020-01-01T12:00"))
                .andExpect(content().string(containsString("申請期限が今より前です。")));
        api().register("resident-not-committee", "RESIDENT");
        mvc.perform(programForm("/fund/staff/programs", "住民の審査", "1000", "reviewers", "resident-not-committee"))
                .andExpect(content().string(containsString("協働推進会議の委員として登録された人だけ")))
                .andExpect(content().string(containsString("resident-not-committee")));
        mvc.perform(programForm("/fund/staff/programs", "期限", "1000", "deadline", "来月"))
                .andExpect(content().string(containsString("申請期限を日付と時刻で入力してください")));
        mvc.perform(programForm("/fund/staff/programs", "期間", "1000", "endsOn", "2026-01-01"))
                .andExpect(content().string(containsString("事業期間の終了日は開始日より後にしてください。")));
        mvc.perform(programForm("/fund/staff/programs", "重み", "1000", "criterionWeight0", "0"))
                .andExpect(content().string(containsString("評価項目「公益性」の重みは 1〜100 の整数で入力してください。")));
        mvc.perform(post("/fund/staff/programs").with(STAFF).with(csrf()).param("title", "項目なし")
                        .param("field", "environment").param("budget", "1000").param("startsOn", "2027-04-01")
                        .param("endsOn", "2027-05-01").param("deadline", "2027-04-20T12:00"))
                .andExpect(content().string(containsString("評価項目を一つ以上入力してください。")));
        mvc.perform(programForm("/fund/staff/programs", "", "1000"))
                .andExpect(content().string(containsString("事業名を入力してください。")));
        mvc.perform(get("/fund/staff/programs/999999999").with(STAFF)).andExpect(status().isNotFound());
        assertThat(programs.all(Programs.PAGE_MAX)).noneMatch(p -> java.util.Set.of("予算の誤り", "期限", "期間",
                "重み", "小数", "桁区切りの誤り", "過去の期限", "住民の審査").contains(p.title()));
    }

    @Test
    void staffSeeTheRankingRecordTheAwardOpenTheAgreementAndRequestATranche() throws Exception {
        GrantFixtures world = new GrantFixtures(api());
        world.donate(500_000, "field:children");
        long group = world.group("coord-award-page", "award page group");
        long program = world.program("children", null, 400_000, GrantFixtures.OPEN_UNTIL, "reviewer-award-page");
        long better = world.submitted("coord-award-page", program, group, 120_000);
        long worse = world.submitted("coord-award-page", program, group, 80_000);
        var reviewer = as("reviewer-award-page", "COMMITTEE");
        // Nobody has scored yet: the page says so, rather than a score of 0.
        mvc.perform(get("/fund/staff/programs/" + program).with(STAFF))
                .andExpect(content().string(containsString("審査: 採点 0 人、利害関係 0 人、未審査 1 人 (委員 1 人)")))
                .andExpect(content().string(containsString("未採点")))
                .andExpect(content().string(not(containsString("0.0%"))));
        api().post(reviewer, "/api/fund/applications/" + better + "/reviews", GrantFixtures.score(5, 4))
                .andExpect(status().isCreated());
        api().post(reviewer, "/api/fund/applications/" + worse + "/reviews", GrantFixtures.score(2, 1))
                .andExpect(status().isCreated());

        String page = mvc.perform(get("/fund/staff/programs/" + program).with(STAFF)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page.indexOf("id=\"ranked-" + better + "\"")).isPositive()
                .isLessThan(page.indexOf("id=\"ranked-" + worse + "\""));
        assertThat(page).contains("92.0%"); // (5×3 + 4×2) / (5×5) = 23/25
        assertThat(page).contains("審査: 採点 1 人、利害関係 0 人、未審査 0 人 (委員 1 人)");

        mvc.perform(post("/fund/staff/applications/" + better + "/award").with(STAFF).with(csrf())
                        .param("amount", "100000"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("申請期限の前には交付決定できません。")));
        assertThat(awardsOf(program)).isZero();
        try (var late = world.afterDeadline(better)) {
            awardAndRequestTranches(program, better);
        }
    }

    private void awardAndRequestTranches(long program, long better) throws Exception {
        mvc.perform(post("/fund/staff/applications/" + better + "/award").with(STAFF).with(csrf())
                        .param("amount", "130000"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("交付決定額は 120,000 円までです。")));
        mvc.perform(post("/fund/staff/applications/" + better + "/award").with(STAFF).with(csrf())
                        .param("amount", "100000").param("designation", "group:999"))
                .andExpect(content().string(containsString("財源を選んでください。")));
        mvc.perform(post("/fund/staff/applications/" + better + "/award").with(STAFF).with(csrf())
                        .param("amount", "１００，０００"))
                .andExpect(status().is3xxRedirection());

        String awarded = mvc.perform(get("/fund/staff/programs/" + program + "?done=awarded").with(STAFF))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("交付決定を記録し、帳簿に計上しました。")))
                .andExpect(content().string(containsString("交付決定済み")))
                .andReturn().getResponse().getContentAsString();
        String agreement = awarded.replaceAll("(?s).*href=\"(/api/fund/awards/[0-9]+/agreement\\.pdf)\".*", "$1");
        long award = Long.parseLong(agreement.replaceAll("[^0-9]", ""));
        assertThat(mvc.perform(get(agreement)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray()).startsWith("%PDF".getBytes());

        mvc.perform(post("/fund/staff/awards/" + award + "/disbursements").with(STAFF).with(csrf())
                        .param("amount", "150000"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("交付額は 100,000 円までです。")));
        mvc.perform(post("/fund/staff/awards/" + award + "/disbursements").with(STAFF).with(csrf())
                        .param("amount", "40000"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/fund/staff/programs/" + program).with(STAFF))
                .andExpect(content().string(containsString("¥40,000 — 承認待ち (staff-programs)")));
        mvc.perform(post("/fund/staff/awards/" + award + "/disbursements").with(STAFF).with(csrf())
                        .param("amount", "70000"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("交付決定額を超えています。")));
        assertThat(awardsOf(program)).isEqualTo(1);
    }

    private long awardsOf(long program) {
        return jdbc.queryForObject("select count(*) from fund_award where program_id = ?", Long.class, program);
    }

    @Test
    void aReviewerNamedByAnUnknownUsernameIsRefusedWhereItWasTyped() throws Exception {
        String title = "審査委員の確認 " + SERIAL.incrementAndGet();
        api().register("reviewer-p1", "COMMITTEE");
        mvc.perform(programForm("/fund/staff/programs", title, "100000", "reviewers", "reviewer-p1\nnobody-such"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("そのユーザー名の利用者はいません。")))
                .andExpect(content().string(containsString("nobody-such")));
        assertThat(programs.all(Programs.PAGE_MAX)).noneMatch(p -> p.title().equals(title));
        api().post(STAFF, "/api/fund/programs", """
                        {"title":"API %s","field":"environment","description":"","budget":777,"startsOn":"2027-04-01",
                         "endsOn":"2027-12-31","deadline":"2027-06-30T08:00:00Z","criteria":[{"name":"効果","weight":1}],
                         "reviewers":["nobody-such"]}""".formatted(title))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_USER"));
    }

    @Test
    void theApiRevisesADraftButNotAPublishedProgram() throws Exception {
        long id = openedProgram("API改訂 " + SERIAL.incrementAndGet());
        String revised = """
                {"title":"API改訂後","field":"environment","description":"","budget":777,"startsOn":"2027-04-01",
                 "endsOn":"2027-12-31","deadline":"2027-06-30T08:00:00Z","criteria":[{"name":"効果","weight":1}],
                 "reviewers":["reviewer-p1"]}""";
        mvc.perform(put("/api/fund/programs/" + id).with(STAFF).contentType(MediaType.APPLICATION_JSON)
                        .content(revised))
                .andExpect(status().isOk()).andExpect(jsonPath("$.budget").value(777))
                .andExpect(jsonPath("$.criteria.length()").value(1));
        mvc.perform(put("/api/fund/programs/" + id).with(STAFF).contentType(MediaType.APPLICATION_JSON)
                        .content(revised.replace("\"budget\":777", "\"budget\":0")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_INPUT"));
        api().post(STAFF, "/api/fund/programs/" + id + "/publish", null).andExpect(status().isOk());
        mvc.perform(put("/api/fund/programs/" + id).with(STAFF).contentType(MediaType.APPLICATION_JSON)
                        .content(revised.replace("777", "888")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("WRONG_STATE"));
        assertThat(programs.find(new ProgramId(id)).orElseThrow().budget()).isEqualTo(777);
    }

    @Test
    void onlyStaffSeeTheProgramPages() throws Exception {
        for (String role : new String[] {"DONOR", "RESIDENT", "COMMITTEE", "GROUP_COORDINATOR", "AUDITOR"}) {
            mvc.perform(get("/fund/staff/programs").with(as("someone", role))).andExpect(status().isForbidden());
            mvc.perform(programForm("/fund/staff/programs", "x", "1").with(as("someone", role)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/fund/staff/programs/new")).andExpect(status().isUnauthorized());
        mvc.perform(get("/fund/staff/programs/new").with(STAFF)).andExpect(status().isOk())
                .andExpect(content().string(containsString("助成事業の作成")))
                .andExpect(content().string(not(containsString("role=\"alert\""))));
    }

    @Test
    void theDatabaseRefusesToChangeAPublishedProgramsTerms() throws Exception {
        long id = openedProgram("凍結の確認 " + SERIAL.incrementAndGet());
        jdbc.update("update fund_program set budget = 12345 where id = ?", id);
        UserId late = people.register("late-reviewer", Role.COMMITTEE);
        jdbc.update("insert into fund_program_reviewer (program_id, reviewer_id) values (?, ?)", id, late.value());
        mvc.perform(post("/fund/staff/programs/" + id + "/publish").with(STAFF).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThatThrownBy(() -> jdbc.update("update fund_program set budget = 1 where id = ?", id))
                .hasMessageContaining("is published");
        assertThatThrownBy(() -> jdbc.update("delete from fund_program_criterion where program_id = ?", id))
                .hasMessageContaining("is published");
        long later = people.register("later-reviewer-" + id, Role.COMMITTEE).value();
        assertThatThrownBy(() -> jdbc.update(
                "insert into fund_program_reviewer (program_id, reviewer_id) values (?, ?)", id, later))
                .hasMessageContaining("is published");
        assertThatThrownBy(() -> jdbc.update("update fund_program set status = 'DRAFT' where id = ?", id))
                .hasMessageContaining("is published");
        Program published = programs.find(new ProgramId(id)).orElseThrow();
        assertThat(published.budget()).isEqualTo(12_345);
        assertThat(published.reviewers()).contains(late);
    }
}
