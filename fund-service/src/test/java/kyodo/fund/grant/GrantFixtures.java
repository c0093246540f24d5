package kyodo.fund.grant;

import kyodo.fund.FundApi;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.concurrent.atomic.AtomicInteger;

import static kyodo.fund.FundApi.as;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Builds the world a grant test needs through the API: verified groups, money on the books, published programs. */
record GrantFixtures(FundApi api) {
    static final RequestPostProcessor STAFF = as("staff-a", "STAFF");
    static final RequestPostProcessor STAFF_B = as("staff-b", "STAFF");
    private static final AtomicInteger SERIAL = new AtomicInteger();

    /** A verified group coordinated by {@code coordinator}; returns its id. */
    long group(String coordinator, String name) throws Exception {
        long id = api.postForId(as(coordinator, "GROUP_COORDINATOR"), "/api/fund/groups", """
                {"name":"%s","type":"VOLUNTARY","representative":"代表 者","contact":"contact@example.jp",
                 "field":"children","description":"活動"}""".formatted(name), "$.id");
        api.post(as("staff-verifier", "STAFF"), "/api/fund/groups/" + id + "/verify", null)
                .andExpect(status().isOk());
        return id;
    }

    void donate(long amount, String designation) throws Exception {
        api.post(STAFF, "/api/fund/donations/recorded", """
                        {"donation":{"donorType":"COMPANY","donorName":"協働建設株式会社","amount":%d,
                         "designation":"%s"},"method":"BANK_TRANSFER"}""".formatted(amount, designation))
                .andExpect(status().isCreated());
    }

    /** A published program; {@code deadline} as ISO instant. */
    long program(String field, String designation, long budget, String deadline, String... reviewers)
            throws Exception {
        StringBuilder list = new StringBuilder();
        for (String reviewer : reviewers) {
            api.register(reviewer, "COMMITTEE");
            list.append(list.isEmpty() ? "" : ",").append('"').append(reviewer).append('"');
        }
        long id = api.postForId(STAFF, "/api/fund/programs", """
                {"title":"子どもの居場所づくり助成 %d","field":"%s","designation":%s,"description":"公募",
                 "budget":%d,"startsOn":"2027-04-01","endsOn":"2028-03-31","deadline":"%s",
                 "criteria":[{"name":"公益性","weight":3},{"name":"実現可能性","weight":2}],
                 "reviewers":[%s]}""".formatted(SERIAL.incrementAndGet(), field,
                designation == null ? "null" : "\"" + designation + "\"", budget, deadline, list), "$.id");
        api.post(STAFF, "/api/fund/programs/" + id + "/publish", null).andExpect(status().isOk());
        return id;
    }

    /** A draft application of {@code group} by {@code coordinator}. */
    long draft(String coordinator, long program, long group, long requested) throws Exception {
        return api.postForId(as(coordinator, "GROUP_COORDINATOR"), "/api/fund/applications", """
                {"programId":%d,"groupId":%d,"title":"放課後こども食堂","purpose":"地域の子どもに食事と学びの場を",
                 "plan":"毎週水曜に開催","strengths":"10年の実績","requested":%d,
                 "budget":[{"item":"食材費","amount":%d}]}""".formatted(program, group, requested, requested),
                "$.id");
    }

    long submitted(String coordinator, long program, long group, long requested) throws Exception {
        long id = draft(coordinator, program, group, requested);
        api.post(as(coordinator, "GROUP_COORDINATOR"), "/api/fund/applications/" + id + "/submit", null)
                .andExpect(status().isOk());
        return id;
    }

    long award(long application, long amount) throws Exception {
        return api.postForId(STAFF, "/api/fund/applications/" + application + "/award",
                "{\"amount\":" + amount + "}", "$.id");
    }

    static String score(int first, int second) {
        return """
                {"conflict":false,"scores":[{"criterion":0,"score":%d,"comment":"良い"},
                 {"criterion":1,"score":%d,"comment":"妥当"}]}""".formatted(first, second);
    }
}
