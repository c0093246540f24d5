package kyodo.fund;

import kyodo.fund.access.Role;
import org.junit.jupiter.api.Test;

import static kyodo.fund.FundApi.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** The fund's pages: Japanese first, English on request; a donor donates and finds the receipt; a reviewer scores. */
class PagesTest extends FundWebTest {

    @Test
    void theDirectoryPageListsVerifiedGroupsInJapaneseAndEnglish() throws Exception {
        long id = api().postForId(as("coord-page", "GROUP_COORDINATOR"), "/api/fund/groups", """
                {"name":"みどりの会","type":"NEIGHBORHOOD","representative":"緑川","contact":"c","field":"environment"}""",
                "$.id");
        api().post(as("staff-page", "STAFF"), "/api/fund/groups/" + id + "/verify",
                "{\"note\":\"規約と代表者の本人確認書類を確認\"}");

        mvc.perform(get("/fund/groups")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"ja\">")))
                .andExpect(content().string(containsString("団体情報バンク")))
                .andExpect(content().string(containsString("みどりの会")))
                .andExpect(content().string(containsString("町会・自治会")));
        mvc.perform(get("/fund/groups").header("Accept-Language", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"en\">")))
                .andExpect(content().string(containsString("Group directory")))
                .andExpect(content().string(containsString("Neighbourhood association")));
    }

    @Test
    void aDonorDonatesStaffConfirmAndTheDonorFindsTheReceipt() throws Exception {
        var donor = as("donor-page", Role.DONOR.name());
        mvc.perform(get("/fund/donate").with(donor)).andExpect(status().isOk())
                .andExpect(content().string(containsString("基金に寄附する")));
        mvc.perform(post("/fund/donate").with(donor).with(csrf()).param("donorType", "INDIVIDUAL")
                        .param("donorName", "高橋 誠").param("amount", "4321").param("designation", "field:elderly"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/fund/donations"));
        String page = mvc.perform(get("/fund/donations").with(donor)).andExpect(status().isOk())
                .andExpect(content().string(containsString("¥4,321")))
                .andExpect(content().string(containsString("入金待ち")))
                .andReturn().getResponse().getContentAsString();
        String id = page.replaceAll("(?s).*id=\"donation-([0-9]+)\".*", "$1");

        mvc.perform(post("/fund/staff/pledges/" + id + "/confirm").with(as("staff-page", "STAFF")).with(csrf()))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/fund/donations").with(donor)).andExpect(status().isOk())
                .andExpect(content().string(containsString("受領済み")))
                .andExpect(content().string(containsString("/api/fund/donations/" + id + "/receipt.pdf")));
        mvc.perform(get("/api/fund/donations/" + id + "/receipt.pdf").with(donor)).andExpect(status().isOk());
    }

    @Test
    void aBadDonationFormIsShownAgainWithTheReason() throws Exception {
        mvc.perform(post("/fund/donate").with(as("donor-page2", "DONOR")).with(csrf())
                        .param("donorType", "INDIVIDUAL").param("donorName", "a").param("amount", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("寄附金額は 1 円以上で入力してください。")));
        mvc.perform(post("/fund/donate").with(as("donor-page2", "DONOR")).with(csrf())
                        .param("donorType", "INDIVIDUAL").param("donorName", "a").param("amount", "1.5"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("寄附金額は円単位の整数で入力してください")));
        mvc.perform(post("/fund/donate").with(as("donor-page2", "DONOR")).with(csrf())
                        .param("donorType", "INDIVIDUAL").param("donorName", "全角 入力").param("amount", "１０，０００"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/fund/donations").with(as("donor-page2", "DONOR")))
                .andExpect(content().string(containsString("¥10,000")));
    }

    @Test
    void aReviewerScoresAnApplicationOnItsPage() throws Exception {
        var world = new kyodo.fund.grant.PageFixtures(api());
        long application = world.submittedApplication("coord-review-page", "reviewer-page");
        var reviewer = as("reviewer-page", "COMMITTEE");

        mvc.perform(get("/fund/review/" + application).with(reviewer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("公益性")));
        mvc.perform(post("/fund/review/" + application).with(reviewer).with(csrf())
                        .param("score0", "4").param("comment0", "良い").param("score1", "3"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/fund/review/" + application + "?done=saved"));
        // The form shows what was saved.
        mvc.perform(get("/fund/review/" + application + "?done=saved").with(reviewer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("審査結果を記録しました。")))
                .andExpect(content().string(containsString("value=\"4\"")))
                .andExpect(content().string(containsString(">良い</textarea>")))
                .andExpect(content().string(containsString("value=\"3\"")))
                .andExpect(content().string(not(containsString("checked"))))
                .andExpect(content().string(not(containsString("role=\"alert\""))));
        // A declared conflict with scores typed beside it is refused, with what was typed still there.
        mvc.perform(post("/fund/review/" + application).with(reviewer).with(csrf()).param("conflict", "true")
                        .param("score0", "5").param("comment0", "とても良い").param("score1", "5"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("利害関係を申告する場合は評点とコメントを入力しないでください")))
                .andExpect(content().string(containsString(">とても良い</textarea>")))
                .andExpect(content().string(containsString("checked")));
        mvc.perform(get("/fund/review/" + application).with(reviewer))
                .andExpect(content().string(containsString(">良い</textarea>")));
        // A score that is not 0..5 is named; a second submit replaces the first.
        mvc.perform(post("/fund/review/" + application).with(reviewer).with(csrf())
                        .param("score0", "7").param("score1", "3"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("「公益性」の評点を 0〜5 の整数で入力してください。")));
        mvc.perform(post("/fund/review/" + application).with(reviewer).with(csrf())
                        .param("score0", "５").param("comment0", "見直した").param("score1", "2"))
                .andExpect(redirectedUrl("/fund/review/" + application + "?done=updated"));
        mvc.perform(get("/fund/review/" + application + "?done=updated").with(reviewer))
                .andExpect(content().string(containsString("審査結果を更新しました。")))
                .andExpect(content().string(containsString("value=\"5\"")))
                .andExpect(content().string(containsString(">見直した</textarea>")));
        mvc.perform(get("/fund/review/" + application).with(as("reviewer-elsewhere", "COMMITTEE")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/fund/review/" + application).with(as("donor-x", "DONOR")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aCoordinatorSubmitsADraftAndStaffApproveATrancheOnlyAsTheSecondPerson() throws Exception {
        var fixtures = new kyodo.fund.grant.PageFixtures(api());
        long draft = fixtures.draftApplication("coord-pages-2");
        var coordinator = as("coord-pages-2", "GROUP_COORDINATOR");

        mvc.perform(get("/fund/applications").with(coordinator)).andExpect(status().isOk())
                .andExpect(content().string(containsString("下書き")));
        mvc.perform(post("/fund/applications/" + draft + "/submit").with(coordinator).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/fund/applications").with(coordinator))
                .andExpect(content().string(containsString("提出済み")));

        long disbursement = fixtures.requestedDisbursement(draft, "staff-a");
        mvc.perform(get("/fund/staff/disbursements").with(as("staff-a", "STAFF"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("他の職員の承認が必要です")));
        mvc.perform(post("/fund/staff/disbursements/" + disbursement + "/approve").with(as("staff-a", "STAFF"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("申請者と承認者は別の職員でなければなりません。")));
        mvc.perform(post("/fund/staff/disbursements/" + disbursement + "/approve").with(as("staff-b", "STAFF"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/fund/staff/disbursements").with(as("staff-b", "STAFF")))
                .andExpect(content().string(not(containsString("id=\"disbursement-" + disbursement + "\""))));
    }

    @Test
    void anInviteeAcceptsOnTheInvitationsPageAndOnlyThenCoordinatesTheGroup() throws Exception {
        api().register("coord-invited-page", "GROUP_COORDINATOR");
        long group = api().postForId(as("coord-inviting-page", "GROUP_COORDINATOR"), "/api/fund/groups", """
                {"name":"招待ページの会","type":"VOLUNTARY","representative":"代表","contact":"c","field":"children",
                 "coordinators":["coord-invited-page"]}""", "$.id");
        var invitee = as("coord-invited-page", "GROUP_COORDINATOR");

        String page = mvc.perform(get("/fund/invitations").with(invitee)).andExpect(status().isOk())
                .andExpect(content().string(containsString("「招待ページの会」")))
                .andReturn().getResponse().getContentAsString();
        String invitation = page.replaceAll("(?s).*id=\"invitation-([0-9]+)\".*", "$1");
        mvc.perform(get("/api/fund/groups/" + group).with(invitee)).andExpect(status().isNotFound());

        mvc.perform(post("/fund/invitations/" + invitation + "/accept").with(as("coord-stranger-page",
                        "GROUP_COORDINATOR")).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("見つかりません。")));
        mvc.perform(post("/fund/invitations/" + invitation + "/accept").with(invitee).with(csrf()))
                .andExpect(redirectedUrl("/fund/invitations?done=accepted"));
        mvc.perform(get("/fund/invitations?done=accepted").with(invitee).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("You accepted the invitation")))
                .andExpect(content().string(containsString("No invitation is waiting for your answer.")));
        mvc.perform(get("/api/fund/groups/" + group).with(invitee)).andExpect(status().isOk());
    }

    @Test
    void aVisitorWhoDidNotSignInIsLeftToTheHostsSignIn() throws Exception {
        // The host's chain decides how to sign in (here HTTP basic: 401 with a challenge); the page gives no JSON.
        mvc.perform(get("/fund/donate")).andExpect(status().isUnauthorized())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .exists("WWW-Authenticate"));
        mvc.perform(get("/fund/groups")).andExpect(status().isOk());
    }
}
