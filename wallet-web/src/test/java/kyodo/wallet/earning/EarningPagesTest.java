package kyodo.wallet.earning;

import kyodo.fund.directory.Group;
import kyodo.wallet.user.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The earning pages render for their roles and answer bad input with a readable message, never a 500. */
class EarningPagesTest extends EarningFixtures {
    @Autowired
    MockMvc mvc;
    @Autowired
    CheckInDesk checkIns;

    @Test
    void aResidentSignsUpFromTheListAndABadCheckInCodeIsExplained() throws Exception {
        User coordinator = coordinator();
        Group group = group(coordinator, true);
        Activity activity = futureActivity(coordinator, group, Duration.ofDays(9), 60, 5);
        User resident = resident(0);

        mvc.perform(get("/activities").with(signedIn(resident)))
                .andExpect(status().isOk()).andExpect(content().string(containsString(activity.title())));
        mvc.perform(post("/activities/" + activity.id() + "/signup").with(csrf())
                        .with(signedIn(resident)))
                .andExpect(redirectedUrl("/activities?signed=" + activity.id()));
        mvc.perform(post("/activities/" + activity.id() + "/signup").with(csrf())
                        .with(signedIn(resident)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("すでに申し込んでいます")));
        mvc.perform(get("/activities/check").param("t", "garbage").with(signedIn(resident)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("QRコードを読み取れませんでした")));
        String url = checkIns.url(activity);
        mvc.perform(get("/activities/check").param("t", url.substring(url.indexOf("?t=") + 3))
                        .with(signedIn(resident)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("check-submit")));
    }

    @Test
    void aCoordinatorSeesTheCheckInQrAndABadFormIsExplained() throws Exception {
        User coordinator = coordinator();
        Group group = group(coordinator, true);
        Activity activity = futureActivity(coordinator, group, Duration.ofDays(10), 60, 5);

        mvc.perform(get("/coordinator/activities/" + activity.id()).with(signedIn(coordinator)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("checkin-qr")))
                .andExpect(content().string(containsString(BASE_URL + CheckInDesk.PATH)));
        mvc.perform(post("/coordinator/activities").with(csrf()).with(signedIn(coordinator))
                        .param("groupId", Long.toString(group.id().value())).param("title", "x")
                        .param("place", "p").param("startsAt", "tomorrow").param("endsAt", "").param("slots", "1")
                        .param("pointsPerHour", "1"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("開始と終了の日時")));
        mvc.perform(get("/coordinator/activities/" + activity.id()).with(signedIn(coordinator())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("コーディネーターではありません")));
    }

    @Test
    void staffSeeTheBudgetAndAreToldWhatIsWrong() throws Exception {
        mvc.perform(get("/staff/points").with(signedIn(demo("staff"))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("budget-remaining")));
        mvc.perform(post("/staff/points/budget").with(csrf()).with(signedIn(demo("staff")))
                        .param("fiscalYear", "2026").param("amount", "-5").param("intent", "page-test-intent-01"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("予算に追加するポイント")));
        mvc.perform(post("/staff/points/expiry").with(csrf()).with(signedIn(demo("staff"))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("expiry-run")));
        mvc.perform(post("/staff/points/corrections").with(csrf()).with(signedIn(demo("staff")))
                        .param("activityId", "999999999").param("residentId", "1").param("reason", "x"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("確認済みの時間が見つかりません")));
        mvc.perform(get("/staff/points").header("Accept-Language", "en").param("lang", "en")
                        .with(signedIn(demo("staff"))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Issuance budget")));
    }
}
