package kyodo.fund.donation;

import kyodo.fund.FundWebTest;
import kyodo.fund.books.FundBooks;
import kyodo.ledger.EntryKey;
import kyodo.ledger.EntryKind;
import kyodo.ledger.JournalEntry;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static kyodo.fund.FundApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class DonationApiTest extends FundWebTest {
    private static final RequestPostProcessor DONOR = as("donor-17", "DONOR");
    private static final RequestPostProcessor OTHER_DONOR = as("donor-18", "DONOR");
    private static final RequestPostProcessor STAFF = as("staff-1", "STAFF");
    private static final RequestPostProcessor AUDITOR = as("auditor-1", "AUDITOR");

    private static String form(long amount, String designation) {
        return """
                {"donorType":"INDIVIDUAL","donorName":"山田 花子","donorAddress":"東京都協働区1-2-3",
                 "amount":%d,"designation":"%s","anonymous":false,"publicNameConsent":true}""".formatted(amount, designation);
    }

    private long balance(String code) {
        return ledger.account(code).map(a -> a.balance().posted()).orElse(0L);
    }

    @Test
    void aPledgeIsNotOnTheBooksUntilStaffConfirmIt() throws Exception {
        long before = balance("fund:designation:field:children");
        long id = api().postForId(DONOR, "/api/fund/donations", form(5_000, "field:children"), "$.id");

        api().get(DONOR, "/api/fund/donations/" + id).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PLEDGED")).andExpect(jsonPath("$.receiptNumber").isEmpty());
        assertThat(balance("fund:designation:field:children")).isEqualTo(before);

        api().post(STAFF, "/api/fund/donations/" + id + "/confirm", "{\"method\":\"BANK_TRANSFER\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.receivedOn").value("2027-04-01"))
                .andExpect(jsonPath("$.receiptNumber").value(org.hamcrest.Matchers.startsWith("2027-")))
                .andExpect(jsonPath("$.entryKey").value("fund-donation-" + id));
        assertThat(balance("fund:designation:field:children")).isEqualTo(before + 5_000);
        JournalEntry entry = ledger.entry(new EntryKey("fund-donation-" + id)).orElseThrow();
        assertThat(entry.kind()).isEqualTo(EntryKind.DONATION);
        assertThat(entry.actor()).as("the journal names people as user:<id>")
                .isEqualTo(api().register("staff-1", "STAFF").journalActor());
    }

    @Test
    void confirmingTwiceIsRefusedAndPostsOnce() throws Exception {
        long id = api().postForId(DONOR, "/api/fund/donations", form(1_000, "general"), "$.id");
        api().post(STAFF, "/api/fund/donations/" + id + "/confirm", null).andExpect(status().isOk());
        long bank = balance(FundBooks.BANK);

        api().post(STAFF, "/api/fund/donations/" + id + "/confirm", null)
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("WRONG_STATE"));
        assertThat(balance(FundBooks.BANK)).isEqualTo(bank);
    }

    @Test
    void aCancelledDonationLeavesAReversingEntryAndTheBalanceRight() throws Exception {
        long before = balance("fund:designation:field:environment");
        long bankBefore = balance(FundBooks.BANK);
        long id = api().postForId(STAFF, "/api/fund/donations/recorded", """
                {"donation":%s,"method":"CASH","receivedOn":"2027-03-30"}""".formatted(
                form(8_000, "field:environment")), "$.id");
        assertThat(balance("fund:designation:field:environment")).isEqualTo(before + 8_000);

        api().post(STAFF, "/api/fund/donations/" + id + "/cancel", "{\"reason\":\"二重計上\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.reversalKey").value("fund-donation-" + id + "-reversal"));

        assertThat(balance("fund:designation:field:environment")).isEqualTo(before);
        assertThat(balance(FundBooks.BANK)).isEqualTo(bankBefore);
        assertThat(ledger.entry(new EntryKey("fund-donation-" + id))).isPresent();
        assertThat(ledger.entry(new EntryKey("fund-donation-" + id + "-reversal")).orElseThrow().kind())
                .isEqualTo(EntryKind.REVERSAL);
        api().get(STAFF, "/api/fund/donations/" + id).andExpect(jsonPath("$.status").value("CANCELLED"));
    }

    @Test
    void staffRecordedDonationsOfTheLastFiscalYearAreNumberedInThatYear() throws Exception {
        api().post(STAFF, "/api/fund/donations/recorded", """
                        {"donation":%s,"method":"BANK_TRANSFER","receivedOn":"2027-03-31"}""".formatted(
                        form(3_000, "general")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.receiptNumber").value(org.hamcrest.Matchers.startsWith("2026-")));
    }

    @Test
    void donorsSeeOnlyTheirOwnDonations() throws Exception {
        long id = api().postForId(DONOR, "/api/fund/donations", form(2_000, "general"), "$.id");

        api().get(OTHER_DONOR, "/api/fund/donations/" + id).andExpect(status().isNotFound());
        api().get(OTHER_DONOR, "/api/fund/donations/" + id + "/receipt.pdf").andExpect(status().isNotFound());
        api().get(AUDITOR, "/api/fund/donations/" + id).andExpect(status().isOk());
        api().get(OTHER_DONOR, "/api/fund/donations/mine").andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")]").isEmpty());
        api().get(DONOR, "/api/fund/donations/mine").andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")]").isNotEmpty());
    }

    @Test
    void staffNameTheDonorByUsernameAndTheDonationIsAmongTheDonorsOwn() throws Exception {
        api().register("donor-by-name", "DONOR");
        String byName = "{\"donation\":" + form(3_000, "general") + ",\"method\":\"CASH\",\"donorUsername\":";
        long id = api().postForId(STAFF, "/api/fund/donations/recorded", byName + "\"Donor-By-Name\"}", "$.id");
        api().get(as("donor-by-name", "DONOR"), "/api/fund/donations/mine").andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")].status").value("CONFIRMED"));

        api().post(STAFF, "/api/fund/donations/recorded", byName + "\"nobody-such\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("UNKNOWN_USER"))
                .andExpect(jsonPath("$.message_ja").value("そのユーザー名の利用者はいません。"));
    }

    @Test
    void onlyStaffConfirmRecordAndCancel() throws Exception {
        long id = api().postForId(DONOR, "/api/fund/donations", form(2_000, "general"), "$.id");
        for (String role : new String[] {"RESIDENT", "MERCHANT", "GROUP_COORDINATOR", "DONOR", "COMMITTEE",
                "AUDITOR", "ADMIN"}) {
            RequestPostProcessor who = as("user-" + role, role);
            api().post(who, "/api/fund/donations/" + id + "/confirm", null).andExpect(status().isForbidden());
            api().post(who, "/api/fund/donations/" + id + "/cancel", "{\"reason\":\"x\"}")
                    .andExpect(status().isForbidden());
            api().post(who, "/api/fund/donations/recorded", "{\"donation\":" + form(1, "general")
                    + ",\"method\":\"CASH\"}").andExpect(status().isForbidden());
            api().get(who, "/api/fund/donations?status=PLEDGED")
                    .andExpect(role.equals("AUDITOR") ? status().isOk() : status().isForbidden());
        }
        for (String role : new String[] {"MERCHANT", "GROUP_COORDINATOR", "STAFF", "COMMITTEE", "AUDITOR", "ADMIN"}) {
            api().post(as("user-" + role, role), "/api/fund/donations", form(1_000, "general"))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void withoutSignInEveryDonationEndpointAsksToSignIn() throws Exception {
        api().post(null, "/api/fund/donations", form(1_000, "general")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
        api().get(null, "/api/fund/donations/mine").andExpect(status().isUnauthorized());
        api().get(null, "/api/fund/donations/1").andExpect(status().isUnauthorized());
        api().get(null, "/api/fund/donations/1/receipt.pdf").andExpect(status().isUnauthorized());
        api().post(null, "/api/fund/donations/1/confirm", null).andExpect(status().isUnauthorized());
    }

    @Test
    void badInputIsAProblemInBothLanguagesNeverA500() throws Exception {
        api().post(DONOR, "/api/fund/donations", form(0, "general")).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("INVALID_INPUT"))
                .andExpect(jsonPath("$.message_ja").value("入力内容に誤りがあります。"))
                .andExpect(jsonPath("$.message_en").value("The request is not valid."))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("amount")));
        api().post(DONOR, "/api/fund/donations", form(1_000_000_001L, "general")).andExpect(status().isBadRequest());
        api().post(DONOR, "/api/fund/donations", form(1_000, "field:space")).andExpect(status().isBadRequest());
        api().post(DONOR, "/api/fund/donations", form(1_000, "group:999999")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("GROUP_NOT_VERIFIED"));
        api().post(DONOR, "/api/fund/donations", "{not json").andExpect(status().isBadRequest());
        api().post(DONOR, "/api/fund/donations", "{\"amount\":\"lots\"}").andExpect(status().isBadRequest());
        api().post(DONOR, "/api/fund/donations", form(1_000, "general").replace("山田 花子", "x".repeat(201)))
                .andExpect(status().isBadRequest());
        api().get(STAFF, "/api/fund/donations/abc").andExpect(status().isBadRequest());
        api().get(STAFF, "/api/fund/donations/987654321").andExpect(status().isNotFound());
        api().post(STAFF, "/api/fund/donations/1/confirm", "{\"receivedOn\":\"2099-01-01\"}")
                .andExpect(status().is4xxClientError());
    }

    @Test
    void anonymousDonorsAreNeverNamedPublicly() throws Exception {
        String named = form(1_000, "general").replace("山田 花子", "公表 さくら");
        long anonymousId = api().postForId(DONOR, "/api/fund/donations", form(1_000, "general")
                .replace("山田 花子", "匿名 希望").replace("\"anonymous\":false", "\"anonymous\":true"), "$.id");
        long namedId = api().postForId(DONOR, "/api/fund/donations", named, "$.id");
        long privateId = api().postForId(DONOR, "/api/fund/donations", form(1_000, "general")
                .replace("山田 花子", "非公表 太郎").replace("\"publicNameConsent\":true", "\"publicNameConsent\":false"),
                "$.id");
        for (long id : new long[] {anonymousId, namedId, privateId}) {
            api().post(STAFF, "/api/fund/donations/" + id + "/confirm", null).andExpect(status().isOk());
        }

        api().get(DONOR, "/api/fund/donations/" + anonymousId).andExpect(jsonPath("$.anonymous").value(true))
                .andExpect(jsonPath("$.publicNameConsent").value(false));
        String list = api().get(null, "/api/fund/donors/public?fiscalYear=2027").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(list).contains("公表 さくら").doesNotContain("匿名 希望").doesNotContain("非公表 太郎")
                .doesNotContain("amount");
        api().get(null, "/api/fund/donors/public?fiscalYear=1").andExpect(status().isBadRequest());
    }

    @Test
    void aDonorWithdrawsAPledgeThatNeverArrived() throws Exception {
        long id = api().postForId(DONOR, "/api/fund/donations", form(1_000, "general"), "$.id");

        api().post(OTHER_DONOR, "/api/fund/donations/" + id + "/withdraw", null).andExpect(status().isNotFound());
        api().post(DONOR, "/api/fund/donations/" + id + "/withdraw", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WITHDRAWN"));
        api().post(STAFF, "/api/fund/donations/" + id + "/confirm", null).andExpect(status().isConflict());
    }
}
