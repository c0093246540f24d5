package kyodo.fund.grant;

import kyodo.fund.FundApi;
import kyodo.ledger.Ledger;
import kyodo.ledger.testing.MutableClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static kyodo.fund.FundApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Builds the world a grant test needs through the API, as the process requires it: verified groups, money on the
 * books, programs published with committee reviewers and a budget their designation holds, and awards decided
 * after every reviewer scored and the deadline passed (the clock stands after the deadline only while the award
 * is decided, then returns).
 */
record GrantFixtures(FundApi api) {
    static final RequestPostProcessor STAFF = as("staff-a", "STAFF");
    static final RequestPostProcessor STAFF_B = as("staff-b", "STAFF");
    /** The committee member every fixture program has, so that it can be published. */
    static final String FIXTURE_REVIEWER = "reviewer-fixture";
    /** A deadline still ahead of the tests' clock (00:30 on 1 April 2027 in Tokyo) on the same business day. */
    static final String OPEN_UNTIL = "2027-04-01T00:00:00Z";
    static final String CHECKED = "規約と代表者の本人確認書類を確認";
    private static final AtomicInteger SERIAL = new AtomicInteger();
    /** What the fixtures published: deadline and reviewers by program, and each application's program. */
    private static final Map<Long, Terms> PROGRAMS = new ConcurrentHashMap<>();
    private static final Map<Long, Long> PROGRAM_OF = new ConcurrentHashMap<>();

    private record Terms(Instant deadline, List<String> reviewers) {
    }

    /** A verified group coordinated by {@code coordinator}; returns its id. */
    long group(String coordinator, String name) throws Exception {
        long id = api.postForId(as(coordinator, "GROUP_COORDINATOR"), "/api/fund/groups", """
                {"name":"%s","type":"VOLUNTARY","representative":"代表 者","contact":"contact@example.jp",
                 "field":"children","description":"活動"}""".formatted(name), "$.id");
        api.post(as("staff-verifier", "STAFF"), "/api/fund/groups/" + id + "/verify",
                "{\"note\":\"" + CHECKED + "\"}").andExpect(status().isOk());
        return id;
    }

    void donate(long amount, String designation) throws Exception {
        api.post(STAFF, "/api/fund/donations/recorded", """
                        {"donation":{"donorType":"COMPANY","donorName":"協働建設株式会社","amount":%d,
                         "designation":"%s"},"method":"BANK_TRANSFER"}""".formatted(amount, designation))
                .andExpect(status().isCreated());
    }

    /** Tops the designation up, with a recorded donation, until it can commit at least {@code amount}. */
    void fund(String designation, long amount) throws Exception {
        long available = bean(Ledger.class).account("fund:designation:" + designation)
                .map(a -> a.balance().available()).orElse(0L);
        if (available < amount) {
            donate(amount - available, designation);
        }
    }

    /**
     * A published program, with the fixture's committee member and {@code reviewers} (registered as committee
     * members) and its budget funded; {@code deadline} as ISO instant.
     */
    long program(String field, String designation, long budget, String deadline, String... reviewers)
            throws Exception {
        List<String> all = new ArrayList<>(List.of(reviewers));
        if (all.isEmpty()) {
            all.add(FIXTURE_REVIEWER);
        }
        StringBuilder list = new StringBuilder();
        for (String reviewer : all) {
            api.register(reviewer, "COMMITTEE");
            list.append(list.isEmpty() ? "" : ",").append('"').append(reviewer).append('"');
        }
        long id = api.postForId(STAFF, "/api/fund/programs", """
                {"title":"子どもの居場所づくり助成 %d","field":"%s","designation":%s,"description":"公募",
                 "budget":%d,"startsOn":"2027-04-01","endsOn":"2028-03-31","deadline":"%s",
                 "criteria":[{"name":"公益性","weight":3},{"name":"実現可能性","weight":2}],
                 "reviewers":[%s]}""".formatted(SERIAL.incrementAndGet(), field,
                designation == null ? "null" : "\"" + designation + "\"", budget, deadline, list), "$.id");
        fund(designation == null ? "field:" + field : designation, budget);
        api.post(STAFF, "/api/fund/programs/" + id + "/publish", null).andExpect(status().isOk());
        PROGRAMS.put(id, new Terms(Instant.parse(deadline), List.copyOf(all)));
        return id;
    }

    /** A draft application of {@code group} by {@code coordinator}. */
    long draft(String coordinator, long program, long group, long requested) throws Exception {
        long id = api.postForId(as(coordinator, "GROUP_COORDINATOR"), "/api/fund/applications", """
                {"programId":%d,"groupId":%d,"title":"放課後こども食堂","purpose":"地域の子どもに食事と学びの場を",
                 "plan":"毎週水曜に開催","strengths":"10年の実績","requested":%d,
                 "budget":[{"item":"食材費","amount":%d}]}""".formatted(program, group, requested, requested),
                "$.id");
        PROGRAM_OF.put(id, program);
        return id;
    }

    long submitted(String coordinator, long program, long group, long requested) throws Exception {
        long id = draft(coordinator, program, group, requested);
        api.post(as(coordinator, "GROUP_COORDINATOR"), "/api/fund/applications/" + id + "/submit", null)
                .andExpect(status().isOk());
        return id;
    }

    /**
     * Every reviewer of the application's program who has not reviewed it yet scores it (or, coordinating the
     * applicant group, declares the conflict), so that its award may be decided.
     */
    void reviewed(long application) throws Exception {
        Terms terms = terms(application);
        JdbcClient jdbc = bean(JdbcClient.class);
        for (String reviewer : terms.reviewers()) {
            boolean done = jdbc.sql("""
                            select exists (select 1 from fund_review r join app_user u on u.id = r.reviewer_id
                                           where r.application_id = ? and u.username = ?)""")
                    .params(application, reviewer).query(Boolean.class).single();
            if (done) {
                continue;
            }
            RequestPostProcessor who = as(reviewer, "COMMITTEE");
            int status = api.post(who, "/api/fund/applications/" + application + "/reviews", score(4, 3))
                    .andReturn().getResponse().getStatus();
            if (status == 403) {
                api.post(who, "/api/fund/applications/" + application + "/reviews", "{\"conflict\":true}")
                        .andExpect(status().is2xxSuccessful());
            } else {
                assertThat(status).as("review by " + reviewer).isIn(200, 201);
            }
        }
    }

    /** The clock stands just after the application's program's deadline until {@link AfterDeadline#close()}. */
    AfterDeadline afterDeadline(long application) {
        MutableClock clock = bean(MutableClock.class);
        Instant before = clock.instant();
        clock.advanceTo(terms(application).deadline().plus(Duration.ofMinutes(1)));
        return new AfterDeadline(clock, before);
    }

    /** Where the clock returns to when the award is decided. */
    record AfterDeadline(MutableClock clock, Instant before) implements AutoCloseable {
        @Override
        public void close() {
            clock.set(before);
        }
    }

    /** The award of {@code amount} to a submitted application, decided as the process allows it. */
    long award(long application, long amount) throws Exception {
        reviewed(application);
        try (AfterDeadline late = afterDeadline(application)) {
            return api.postForId(STAFF, "/api/fund/applications/" + application + "/award",
                    "{\"amount\":" + amount + "}", "$.id");
        }
    }

    static String score(int first, int second) {
        return """
                {"conflict":false,"scores":[{"criterion":0,"score":%d,"comment":"良い"},
                 {"criterion":1,"score":%d,"comment":"妥当"}]}""".formatted(first, second);
    }

    private Terms terms(long application) {
        Long program = PROGRAM_OF.get(application);
        assertThat(program).as("application " + application + " was made by the fixtures").isNotNull();
        return PROGRAMS.get(program);
    }

    private <T> T bean(Class<T> type) {
        WebApplicationContext context = api.mvc().getDispatcherServlet().getWebApplicationContext();
        return context.getBean(type);
    }
}
