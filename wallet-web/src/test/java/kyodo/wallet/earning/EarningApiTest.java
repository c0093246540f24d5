package kyodo.wallet.earning;

import kyodo.fund.directory.Group;
import kyodo.wallet.user.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The earning API: problem+json refusals in both languages, roles, and the wallet's expiry dates. */
class EarningApiTest extends EarningFixtures {
    @Autowired
    MockMvc mvc;

    @Test
    void badHoursAreAProblemWithTheReasonInJapaneseAndEnglishAndIssueNothing() throws Exception {
        User coordinator = coordinator();
        Group group = group(coordinator, true);
        Activity activity = pastActivity(group, Duration.ofHours(1), 60, 100);
        User resident = resident(0);
        signUpAfterTheFact(activity, resident);

        for (String[] bad : new String[][]{{"0", "HOURS_NOT_POSITIVE"}, {"-1", "HOURS_NOT_POSITIVE"},
                {"30", "HOURS_OVER_24"}, {"x", "HOURS_NOT_A_NUMBER"}}) {
            mvc.perform(post("/api/coordinator/activities/" + activity.id() + "/attendance").with(csrf())
                            .with(signedIn(coordinator))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"residentId\":" + resident.id() + ",\"hours\":\"" + bad[0] + "\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value(bad[1]))
                    .andExpect(jsonPath("$.message_ja").isNotEmpty())
                    .andExpect(jsonPath("$.message_en").isNotEmpty());
        }
        mvc.perform(post("/api/coordinator/activities/999999999/attendance").with(csrf())
                        .with(signedIn(coordinator))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"residentId\":" + resident.id() + ",\"hours\":\"1\"}"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("ACTIVITY_NOT_FOUND"));
        assertThat(balance(resident)).isZero();

        mvc.perform(post("/api/coordinator/activities/" + activity.id() + "/attendance").with(csrf())
                        .with(signedIn(coordinator))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"residentId\":" + resident.id() + ",\"hours\":\"1\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.points").value(100));
        mvc.perform(get("/api/wallet").with(signedIn(resident)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.available").value(100))
                .andExpect(jsonPath("$.expiring[0].points").value(100))
                .andExpect(jsonPath("$.expiring[0].lastDay").isNotEmpty());
    }

    @Test
    void eachRoleReachesOnlyItsOwnPartOfTheApi() throws Exception {
        User resident = resident(0);
        mvc.perform(get("/api/coordinator/activities").with(signedIn(resident)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/staff/points/budget").with(signedIn(resident)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/activities").with(signedIn(resident)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/activities")).andExpect(status().isUnauthorized());
    }

    @Test
    void staffRaiseTheBudgetOncePerIntentAndBadAmountsAreRefused() throws Exception {
        String year = "2018";
        mvc.perform(post("/api/staff/points/budget").with(csrf()).with(signedIn(demo("staff")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fiscalYear\":\"" + year + "\",\"amount\":\"0\",\"intent\":\"api-test-intent-0001\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("BUDGET_AMOUNT_INVALID"));
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/staff/points/budget").with(csrf()).with(signedIn(demo("staff")))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"fiscalYear\":\"" + year + "\",\"amount\":\"5000\",\"intent\":\"api-test-intent-0002\"}"))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.remaining").value(5000));
        }
        mvc.perform(post("/api/staff/points/rules").with(csrf()).with(signedIn(demo("staff"))))
                .andExpect(status().is4xxClientError());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/staff/points/rules")
                        .with(csrf()).with(signedIn(demo("staff"))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"hoursPerDay\":\"25\",\"pointsPerMonth\":\"100\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("HOURS_OVER_24"));
    }
}
