package kyodo.wallet.home;

import kyodo.fund.access.Actor;
import kyodo.fund.access.Role;
import kyodo.fund.directory.Directory;
import kyodo.fund.directory.Group;
import kyodo.fund.donation.DonationDesk;
import kyodo.fund.grant.Application;
import kyodo.fund.grant.ApplicationDesk;
import kyodo.fund.grant.Award;
import kyodo.fund.grant.Committee;
import kyodo.fund.grant.GrantOffice;
import kyodo.fund.grant.Program;
import kyodo.fund.grant.Reviews;
import kyodo.wallet.WalletWebTest;
import kyodo.wallet.earning.Activities;
import kyodo.wallet.payment.Cashier;
import kyodo.wallet.payment.PaymentOutcome;
import kyodo.wallet.qr.QrCodes;
import kyodo.wallet.user.Merchant;
import kyodo.wallet.user.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Every role's home lists what waits for that person, read from the services that own it. */
class HomePageTest extends WalletWebTest {
    private static final AtomicInteger SERIAL = new AtomicInteger();

    @Autowired
    Committee committee;
    @Autowired
    MockMvc mvc;
    @Autowired
    Activities activities;
    @Autowired
    Cashier cashier;
    @Autowired
    QrCodes qrCodes;
    @Autowired
    GrantOffice grants;
    @Autowired
    ApplicationDesk applications;
    @Autowired
    DonationDesk donations;
    @Autowired
    Directory directory;
    @Autowired
    Clock clock;

    @Test
    void aResidentSeesTheirBalanceAndTheActivityTheySignedUpFor() throws Exception {
        User resident = resident(1_250);
        User coordinator = newCoordinator();
        Group group = verifiedGroup(coordinator, "花壇の会 " + coordinator.id());
        Instant starts = clock.instant().plus(Duration.ofDays(2));
        long activity = activities.create(group.id(), "公園の清掃", "", "中央公園", starts,
                starts.plus(Duration.ofHours(2)), 10, 100, coordinator.userId(), clock.instant());
        activities.signUp(activity, resident.id(), clock.instant());

        String page = home(resident, "ja");
        assertThat(page).contains("id=\"fact-balance\">1,250 pt<").contains("id=\"waiting-activity-" + activity)
                .contains("申し込んだ活動: 公園の清掃").contains("id=\"card-pay\"").contains("id=\"card-send\"")
                .contains("id=\"card-activities\"");
        assertThat(home(resident, "en")).contains("Points you can use").contains("Activity you signed up for: 公園の清掃")
                .doesNotContain("申し込んだ活動");
    }

    @Test
    void aShopSeesTodaysSalesAndAShopNotYetApprovedSeesThatItWaits() throws Exception {
        Merchant shop = merchant();
        User payer = resident(2_000);
        for (long amount : new long[] {250, 1_000}) {
            String order = qrCodes.url(qrCodes.orderQr(shop.id(), amount, ""));
            PaymentOutcome paid = cashier.pay(payer.id(), order, "", null);
            assertThat(paid.ok()).as("paid: %s", paid.error()).isTrue();
        }

        String page = home(owner(shop), "ja");
        assertThat(page).contains("id=\"fact-sales-count\">2<").contains("id=\"fact-sales-total\">1,250 pt<")
                .contains("id=\"card-terminal\"");

        int n = SERIAL.incrementAndGet();
        User pendingOwner = registrar.signUpMerchant("home-shop-" + n, "店主 " + n, PASSWORD, "八百屋 " + n).user();
        assertThat(home(pendingOwner, "ja")).contains("id=\"waiting-approval\"")
                .contains("「八百屋 " + n + "」は区の承認を待っています");
    }

    @Test
    void aCoordinatorSeesHoursToConfirmTheirGroupsWalletAndDrafts() throws Exception {
        User coordinator = newCoordinator();
        Group group = verifiedGroup(coordinator, "見守りの会 " + coordinator.id());
        Instant ended = clock.instant().minus(Duration.ofHours(1));
        long activity = activities.create(group.id(), "花壇の手入れ", "", "区役所前",
                ended.minus(Duration.ofHours(2)), ended, 10, 120, coordinator.userId(),
                ended.minus(Duration.ofDays(3)));
        activities.signUp(activity, resident(0).id(), ended.minus(Duration.ofDays(1)));
        Program program = publishedProgram(List.of());
        Application draft = applications.draft(coordinator.actor(), form(program, group, "下書きの申請"));

        String page = home(coordinator, "ja");
        assertThat(page).contains("id=\"waiting-hours-" + activity).contains("「花壇の手入れ」: 活動時間の確認を待っている参加者 1人")
                .contains("id=\"waiting-draft-" + draft.id().value()).contains("下書きの申請")
                .contains("id=\"fact-group-" + group.id().value()).contains(group.name() + "のポイント")
                .contains("href=\"/groups/" + group.id().value() + "/wallet\"");
    }

    @Test
    void aReviewerSeesTheApplicationsAssignedToThemUntilTheyReviewThem() throws Exception {
        int n = SERIAL.incrementAndGet();
        User reviewer = registrar.createUser("home-reviewer-" + n, "委員 " + n, PASSWORD, Role.COMMITTEE).user();
        User other = registrar.createUser("home-other-" + n, "委員 別 " + n, PASSWORD, Role.COMMITTEE).user();
        Application submitted = submittedApplication(publishedProgram(List.of(reviewer.username())), "見守りサロン " + n);

        assertThat(home(reviewer, "ja")).contains("id=\"waiting-review-" + submitted.id().value())
                .contains("審査を待っている申請: 「見守りサロン " + n + "」(申請額 ¥30,000)");
        assertThat(home(other, "ja")).as("not assigned to that program")
                .doesNotContain("waiting-review-" + submitted.id().value()).contains("id=\"nothing-waiting\"");
    }

    @Test
    void staffSeeApprovalsWaitingAndOnlyTranchesSomeoneElseRequested() throws Exception {
        int n = SERIAL.incrementAndGet();
        User requester = registrar.createUser("home-staff-a-" + n, "区職員 甲 " + n, PASSWORD, Role.STAFF).user();
        User approver = registrar.createUser("home-staff-b-" + n, "区職員 乙 " + n, PASSWORD, Role.STAFF).user();
        registrar.signUpMerchant("home-pending-" + n, "店主 " + n, PASSWORD, "承認待ちの店 " + n);
        directory.register(newCoordinator().actor(), new Directory.Registration("未確認の会 " + n, "VOLUNTARY",
                "代表 者", "group@example.jp", "elderly", "", List.of()));
        User reviewer = registrar.createUser("home-staff-reviewer-" + n, "委員 " + n, PASSWORD, Role.COMMITTEE).user();
        // An award waits for the deadline and every review, so the program closes a few seconds from now.
        Instant deadline = clock.instant().plusSeconds(8);
        Application submitted = submittedApplication(publishedProgram(List.of(reviewer.username()), deadline),
                "交付する申請 " + n);
        committee.review(reviewer.actor(), submitted.id(),
                new Committee.ReviewForm(false, List.of(new Reviews.Score(0, 3, ""))));
        while (!clock.instant().isAfter(deadline)) {
            Thread.sleep(200);
        }
        Award award = grants.award(requester.actor(), submitted.id(), 30_000L, null);
        grants.request(requester.actor(), award.id(), 10_000L);

        String approversHome = home(approver, "ja");
        assertThat(approversHome).contains("id=\"waiting-merchants\"").contains("id=\"waiting-groups\"")
                .contains("id=\"waiting-disbursements\"").contains("id=\"card-programs\"");
        long requestersCount = count(home(requester, "ja"), "waiting-disbursements");
        assertThat(count(approversHome, "waiting-disbursements") - requestersCount)
                .as("the requester's own tranche waits for someone else").isEqualTo(1);
    }

    @Test
    void aDonorSeesTheirPledgesAndTheAuditorAndAdminTheirWork() throws Exception {
        int n = SERIAL.incrementAndGet();
        User donor = registrar.createUser("home-donor-" + n, "寄附 者 " + n, PASSWORD, Role.DONOR).user();
        donations.pledge(donor.actor(), new DonationDesk.Form("INDIVIDUAL", "寄附 者 " + n, "東京都協働区1-2-3",
                5_000L, "general", false, false));

        assertThat(home(donor, "ja")).contains("id=\"waiting-pledged\"").contains("入金の確認を待っているあなたの寄附 1件")
                .contains("id=\"fact-donated\">¥0<");
        assertThat(home(demo("auditor"), "ja")).contains("id=\"card-trial-balance\"")
                .contains("id=\"card-verification\"")
                .contains("id=\"card-reconciliation\"");
        registrar.signUpMerchant("home-admin-shop-" + n, "店主 " + n, PASSWORD, "管理者が見る店 " + n);
        assertThat(home(demo("admin"), "en")).contains("id=\"waiting-merchants\"")
                .contains("Shops waiting for approval")
                .contains("id=\"card-health\"");
    }

    private String home(User user, String lang) throws Exception {
        return mvc.perform(get("/home").param("lang", lang).with(signedIn(user))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The count a waiting line shows, 0 when the line is absent (nothing waits). */
    private static long count(String page, String id) {
        Matcher line = Pattern.compile("id=\"" + id + "\"[^>]*>[^<0-9]*([0-9,]+)").matcher(page);
        return line.find() ? Long.parseLong(line.group(1).replace(",", "")) : 0;
    }

    private Program publishedProgram(List<String> reviewers) {
        return publishedProgram(reviewers, clock.instant().plus(Duration.ofDays(30)));
    }

    /** A program open until {@code deadline}, reviewed by {@code reviewers} (a new member when none is named). */
    private Program publishedProgram(List<String> reviewers, Instant deadline) {
        Actor staff = demo("staff").actor();
        LocalDate today = LocalDate.now(clock);
        List<String> committeeMembers = reviewers.isEmpty() ? List.of(registrar.createUser(
                "home-committee-" + SERIAL.incrementAndGet(), "委員", PASSWORD, Role.COMMITTEE).user().username())
                : reviewers;
        // The budget must be within what the designation holds when the program is published.
        donations.record(staff, new DonationDesk.Form("COMPANY", "見守り基金株式会社", "", 50_000L, "general", false,
                false), new DonationDesk.Arrival("BANK_TRANSFER", null, null));
        Program program = grants.open(staff, new GrantOffice.ProgramForm("ホームの助成 " + SERIAL.incrementAndGet(),
                "elderly", "general", "見守り活動への助成", 50_000L, today, today.plusYears(1), deadline,
                List.of(new Program.Criterion("公益性", 3)), committeeMembers));
        return grants.publish(staff, program.id());
    }

    private Application submittedApplication(Program program, String title) {
        User coordinator = newCoordinator();
        Group group = verifiedGroup(coordinator, "申請する会 " + coordinator.id());
        Application draft = applications.draft(coordinator.actor(), form(program, group, title));
        return applications.submit(coordinator.actor(), draft.id());
    }

    private static ApplicationDesk.Form form(Program program, Group group, String title) {
        return new ApplicationDesk.Form(program.id().value(), group.id().value(), title, "孤立を防ぐ", "月2回のサロン",
                "地域の信頼", 30_000L, List.of(new Application.BudgetLine("会場費", 30_000)));
    }
}
