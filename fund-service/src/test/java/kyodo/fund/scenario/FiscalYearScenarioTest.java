package kyodo.fund.scenario;

import com.jayway.jsonpath.JsonPath;
import kyodo.fund.FundApi;
import kyodo.fund.FundTestApplication;
import kyodo.ledger.Asset;
import kyodo.ledger.Ledger;
import kyodo.ledger.TrialBalance;
import kyodo.ledger.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static kyodo.fund.FundApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A fiscal year through the API: 200 donations in four designations (half pledged online and confirmed, half
 * recorded by staff), one cancellation, a program with 10 applications from 5 groups, three reviewers (one a
 * co-coordinator of a group by invitation, recusing from its applications), 5 awards by ranking after the deadline,
 * 12 tranches approved by a second staff member, and one award closed early.
 * Every fund account on the books must hold what the scenario computed on the side, and the trial balance is zero.
 */
@SpringBootTest(classes = FundTestApplication.class)
@AutoConfigureMockMvc
class FiscalYearScenarioTest {
    private static final TestDatabase DATABASE = TestDatabase.create("fund_year");
    private static final long SEED = Long.getLong("kyodo.seed", 20_260_401L);
    private static final RequestPostProcessor STAFF_A = as("staff-a", "STAFF");
    private static final RequestPostProcessor STAFF_B = as("staff-b", "STAFF");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::url);
        registry.add("spring.datasource.username", DATABASE::user);
        registry.add("spring.datasource.password", DATABASE::password);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Ledger ledger;

    @Autowired
    kyodo.ledger.testing.MutableClock clock;

    @Test
    void aWholeYearLeavesEveryBalanceAsExpectedAndTheBooksBalanced() throws Exception {
        System.out.println("FiscalYearScenarioTest seed " + SEED + " (replay with -Dkyodo.seed=" + SEED + ")");
        Random random = new Random(SEED);
        FundApi api = new FundApi(mvc);
        Map<String, Long> expected = new HashMap<>();

        List<Long> groups = new ArrayList<>();
        for (int g = 0; g < 5; g++) {
            long id = api.postForId(as("coord-" + g, "GROUP_COORDINATOR"), "/api/fund/groups", """
                    {"name":"団体%d","type":"NPO","representative":"代表%d","contact":"c","field":"children"}"""
                    .formatted(g, g), "$.id");
            api.post(STAFF_A, "/api/fund/groups/" + id + "/verify",
                "{\"note\":\"規約と代表者の本人確認書類を確認\"}").andExpect(status().isOk());
            groups.add(id);
        }
        String[] designations = {"general", "field:children", "field:elderly", "group:" + groups.get(0)};

        List<Long> confirmed = new ArrayList<>();
        Map<Long, String> designationOf = new HashMap<>();
        Map<Long, Long> amountOf = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            String designation = designations[i % designations.length];
            long amount = 1_000L * (1 + random.nextInt(100)) + (i == 0 ? 2_000_000 : 0);
            String form = """
                    {"donorType":"INDIVIDUAL","donorName":"寄附者%d","amount":%d,"designation":"%s"}"""
                    .formatted(i, amount, designation);
            long id;
            if (i % 2 == 0) {
                id = api.postForId(as("donor-" + (i % 17), "DONOR"), "/api/fund/donations", form, "$.id");
                api.post(i % 4 == 0 ? STAFF_A : STAFF_B, "/api/fund/donations/" + id + "/confirm", null)
                        .andExpect(status().isOk());
            } else {
                id = api.postForId(STAFF_A, "/api/fund/donations/recorded",
                        "{\"donation\":" + form + ",\"method\":\"CASH\"}", "$.id");
            }
            confirmed.add(id);
            designationOf.put(id, designation);
            amountOf.put(id, amount);
            expected.merge("fund:designation:" + designation, amount, Math::addExact);
            expected.merge("fund:bank", amount, Math::addExact);
        }
        long cancelled = confirmed.get(2);
        api.post(STAFF_B, "/api/fund/donations/" + cancelled + "/cancel", "{\"reason\":\"振込の取消\"}")
                .andExpect(status().isOk());
        expected.merge("fund:designation:" + designationOf.get(cancelled), -amountOf.get(cancelled), Math::addExact);
        expected.merge("fund:bank", -amountOf.get(cancelled), Math::addExact);

        api.register("reviewer-1", "COMMITTEE");
        api.register("reviewer-2", "COMMITTEE");
        api.register("reviewer-3", "COMMITTEE");
        // The third reviewer also coordinates group 4, having accepted its coordinator's invitation: a conflict.
        long invitation = api.postForId(as("coord-4", "GROUP_COORDINATOR"), "/api/fund/groups/" + groups.get(4)
                + "/invitations", "{\"username\":\"reviewer-3\"}", "$.id");
        api.post(as("reviewer-3", "COMMITTEE"), "/api/fund/invitations/" + invitation + "/accept", null)
                .andExpect(status().isOk());
        long program = api.postForId(STAFF_A, "/api/fund/programs", """
                {"title":"子ども分野 協働事業提案","field":"children","designation":"general","budget":1500000,
                 "startsOn":"2027-04-01","endsOn":"2028-03-31","deadline":"2027-04-01T00:00:00Z",
                 "criteria":[{"name":"公益性","weight":3},{"name":"実現性","weight":2},{"name":"協働性","weight":1}],
                 "reviewers":["reviewer-1","reviewer-2","reviewer-3"]}""", "$.id");
        api.post(STAFF_A, "/api/fund/programs/" + program + "/publish", null).andExpect(status().isOk());

        List<Long> applications = new ArrayList<>();
        Map<Long, Long> requestedOf = new HashMap<>();
        for (int a = 0; a < 10; a++) {
            int g = a % 5;
            long requested = 100_000L + 10_000L * random.nextInt(20);
            long id = api.postForId(as("coord-" + g, "GROUP_COORDINATOR"), "/api/fund/applications", """
                    {"programId":%d,"groupId":%d,"title":"事業%d","requested":%d}"""
                    .formatted(program, groups.get(g), a, requested), "$.id");
            api.post(as("coord-" + g, "GROUP_COORDINATOR"), "/api/fund/applications/" + id + "/submit", null)
                    .andExpect(status().isOk());
            applications.add(id);
            requestedOf.put(id, requested);
        }
        for (String reviewer : List.of("reviewer-1", "reviewer-2", "reviewer-3")) {
            for (int a = 0; a < 10; a++) {
                long id = applications.get(a);
                RequestPostProcessor who = as(reviewer, "COMMITTEE");
                if (reviewer.equals("reviewer-3") && a % 5 == 4) {
                    api.post(who, "/api/fund/applications/" + id + "/reviews", "{\"conflict\":true}")
                            .andExpect(status().isCreated());
                    continue;
                }
                api.post(who, "/api/fund/applications/" + id + "/reviews", """
                        {"scores":[{"criterion":0,"score":%d},{"criterion":1,"score":%d},{"criterion":2,"score":%d}]}"""
                        .formatted(random.nextInt(6), random.nextInt(6), random.nextInt(6)))
                        .andExpect(status().isCreated());
            }
        }
        String ranking = api.get(STAFF_A, "/api/fund/programs/" + program + "/ranking").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<Number> order = JsonPath.read(ranking, "$[*].applicationId");
        assertThat(order).hasSize(10);
        List<Number> conflicts = JsonPath.read(ranking, "$[*].progress.conflicted");
        assertThat(conflicts.stream().mapToInt(Number::intValue).sum()).isEqualTo(2);

        // The committee has reviewed; the awards follow the deadline.
        clock.advanceTo(Instant.parse("2027-04-01T00:01:00Z"));

        List<Long> awards = new ArrayList<>();
        Map<Long, Long> awardedOf = new HashMap<>();
        for (int r = 0; r < 5; r++) {
            long application = order.get(r).longValue();
            long amount = requestedOf.get(application);
            long award = api.postForId(STAFF_A, "/api/fund/applications/" + application + "/award",
                    "{\"amount\":" + amount + "}", "$.id");
            awards.add(award);
            awardedOf.put(award, amount);
        }

        int[] tranches = {3, 3, 2, 2, 2};
        long pendingHeld = 0;
        long disbursedTotal = 0;
        int count = 0;
        for (int w = 0; w < 5; w++) {
            long award = awards.get(w);
            long awarded = awardedOf.get(award);
            long paid = 0;
            for (int t = 0; t < tranches[w]; t++) {
                // The last tranche of the first award pays the rest in full; others pay a third or a half.
                long amount = w == 0 && t == tranches[w] - 1 ? awarded - paid : awarded / (tranches[w] + 1);
                boolean aRequests = (count % 2) == 0;
                long d = api.postForId(aRequests ? STAFF_A : STAFF_B, "/api/fund/awards/" + award + "/disbursements",
                        "{\"amount\":" + amount + "}", "$.id");
                api.post(aRequests ? STAFF_B : STAFF_A, "/api/fund/disbursements/" + d + "/approve", null)
                        .andExpect(status().isOk());
                paid += amount;
                count++;
            }
            disbursedTotal += paid;
            if (w == 1) {
                api.post(STAFF_A, "/api/fund/awards/" + award + "/close", null).andExpect(status().isOk());
            } else {
                pendingHeld += awarded - paid;
            }
        }
        assertThat(count).isEqualTo(12);
        expected.merge("fund:designation:general", -disbursedTotal, Math::addExact);
        expected.merge("fund:bank", -disbursedTotal, Math::addExact);

        for (Map.Entry<String, Long> account : expected.entrySet()) {
            assertThat(ledger.account(account.getKey()).orElseThrow().balance().posted())
                    .as(account.getKey()).isEqualTo(account.getValue());
        }
        assertThat(ledger.account("fund:designation:general").orElseThrow().balance().available())
                .isEqualTo(expected.get("fund:designation:general") - pendingHeld);
        var payable = ledger.account("fund:grants-payable").orElseThrow().balance();
        assertThat(payable.posted()).isZero();
        assertThat(payable.pendingIn()).isEqualTo(pendingHeld);
        TrialBalance yen = ledger.trialBalance(Instant.parse("2100-01-01T00:00:00Z")).stream()
                .filter(t -> t.asset().equals(Asset.JPY)).findFirst().orElseThrow();
        assertThat(yen.balanced()).isTrue();
        assertThat(yen.debitsPosted().subtract(yen.creditsPosted()).signum()).isZero();
    }
}
