package kyodo.wallet.home;

import kyodo.fund.access.Role;
import kyodo.fund.access.UserId;
import kyodo.fund.audit.Reconciler;
import kyodo.fund.audit.StatementImport;
import kyodo.fund.directory.Group;
import kyodo.fund.directory.Groups;
import kyodo.fund.donation.Donation;
import kyodo.fund.donation.Donations;
import kyodo.fund.grant.Application;
import kyodo.fund.grant.Applications;
import kyodo.fund.grant.Awards;
import kyodo.fund.grant.Program;
import kyodo.fund.grant.Programs;
import kyodo.fund.layout.Formats;
import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.wallet.account.PointsProperties;
import kyodo.wallet.account.WalletBalance;
import kyodo.wallet.account.WalletOwner;
import kyodo.wallet.account.Wallets;
import kyodo.wallet.earning.Activities;
import kyodo.wallet.earning.Activity;
import kyodo.wallet.earning.ActivityBoard;
import kyodo.wallet.payment.Payment;
import kyodo.wallet.payment.Payments;
import kyodo.wallet.settlement.Settlement;
import kyodo.wallet.settlement.SettlementState;
import kyodo.wallet.settlement.Settlements;
import kyodo.wallet.user.Merchant;
import kyodo.wallet.user.MerchantStatus;
import kyodo.wallet.user.Merchants;
import kyodo.wallet.user.SignedIn;
import kyodo.wallet.user.User;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one home of every signed-in person ({@value #PATH}), where sign-in lands: per role, what waits for them (read
 * through the services that own it) and what they can do.
 */
@Controller
class HomePage {
    static final String PATH = "/home";
    /** How many of a list the home page looks at; the pages behind the links show them all. */
    private static final int LOOK = 100;

    private final SignedIn signedIn;
    private final Wallets wallets;
    private final PointsProperties points;
    private final Activities activities;
    private final ActivityBoard board;
    private final Payments payments;
    private final Settlements settlements;
    private final Merchants merchants;
    private final Groups groups;
    private final Applications applications;
    private final Awards awards;
    private final Programs programs;
    private final Donations donations;
    private final Reconciler reconciler;
    private final Formats formats;
    private final Clock clock;

    HomePage(SignedIn signedIn, Wallets wallets, PointsProperties points, Activities activities, ActivityBoard board,
             Payments payments, Settlements settlements, Merchants merchants, Groups groups,
             Applications applications, Awards awards, Programs programs, Donations donations, Reconciler reconciler,
             Formats formats, Clock clock) {
        this.signedIn = signedIn;
        this.wallets = wallets;
        this.points = points;
        this.activities = activities;
        this.board = board;
        this.payments = payments;
        this.settlements = settlements;
        this.merchants = merchants;
        this.groups = groups;
        this.applications = applications;
        this.awards = awards;
        this.programs = programs;
        this.donations = donations;
        this.reconciler = reconciler;
        this.formats = formats;
        this.clock = clock;
    }

    @GetMapping(PATH)
    String home(Authentication authentication, Model model) {
        User user = signedIn.user(authentication);
        model.addAttribute("user", user);
        model.addAttribute("home", switch (user.role()) {
            case RESIDENT -> resident(user);
            case MERCHANT -> merchant(authentication);
            case GROUP_COORDINATOR -> coordinator(user);
            case STAFF -> staff(user);
            case COMMITTEE -> reviewer(user);
            case AUDITOR -> auditor();
            case DONOR -> donor(user);
            case ADMIN -> admin();
        });
        return "signed-in-home";
    }

    private Home resident(User user) {
        WalletBalance balance = wallets.balance(WalletOwner.resident(user.id()));
        LocalDate horizon = BusinessCalendar.today(clock).plusDays(points.reminderDays());
        long expiring = balance.expiringBy(horizon);
        List<Home.Fact> facts = List.of(new Home.Fact("fact-balance", "my.fact.balance",
                formats.pt(balance.available())));
        List<Home.Waiting> waiting = new ArrayList<>();
        if (expiring > 0) {
            waiting.add(new Home.Waiting("waiting-expiring", "/wallet", "my.waiting.expiring",
                    List.of(formats.pt(expiring), formats.date(horizon))));
        }
        Set<Long> mine = new HashSet<>(activities.signedUpBy(user.id()));
        Instant now = clock.instant();
        for (Activity activity : board.upcoming()) {
            if (mine.contains(activity.id()) && !activity.over(now)) {
                waiting.add(new Home.Waiting("waiting-activity-" + activity.id(), "/activities",
                        "my.waiting.signedUp", List.of(activity.title(), formats.dateTime(activity.startsAt()))));
            }
        }
        return new Home(facts, waiting, List.of(
                new Home.Card("card-pay", "/pay", "my.card.pay", "my.card.pay.about"),
                new Home.Card("card-send", "/send", "my.card.send", "my.card.send.about"),
                new Home.Card("card-activities", "/activities", "my.card.activities", "my.card.activities.about"),
                new Home.Card("card-wallet", "/wallet", "my.card.wallet", "my.card.wallet.about"),
                new Home.Card("card-donate", "/fund/donate", "my.card.donate", "my.card.donate.about")));
    }

    private Home merchant(Authentication authentication) {
        Merchant merchant = signedIn.merchant(authentication);
        List<Home.Card> cards = List.of(
                new Home.Card("card-terminal", "/merchant", "my.card.terminal", "my.card.terminal.about"),
                new Home.Card("card-vouchers", "/merchant/vouchers", "my.card.vouchers", "my.card.vouchers.about"),
                new Home.Card("card-settlements", "/merchant/settlements", "my.card.settlements",
                        "my.card.settlements.about"));
        if (!merchant.approved()) {
            return new Home(List.of(), List.of(new Home.Waiting("waiting-approval", "/merchant",
                    "my.waiting.shopPending", List.of(merchant.name()))), List.of(cards.get(0)));
        }
        LocalDate today = BusinessCalendar.today(clock);
        List<Payment> sales = payments.findByMerchantIdAndCreatedAtGreaterThanEqualOrderById(merchant.id(),
                BusinessCalendar.startOf(today));
        long total = sales.stream().mapToLong(sale -> sale.amount() - sale.refunded()).sum();
        List<Home.Fact> facts = List.of(
                new Home.Fact("fact-sales-count", "my.fact.salesToday", formats.number(sales.size())),
                new Home.Fact("fact-sales-total", "my.fact.salesTotal", formats.pt(total)));
        List<Home.Waiting> waiting = new ArrayList<>();
        settlements.ofMerchant(merchant.id()).stream().filter(s -> s.state() == SettlementState.PAYABLE)
                .forEach(s -> waiting.add(new Home.Waiting("waiting-settlement-" + s.id(), "/merchant/settlements",
                        "my.waiting.settlementPayable", List.of(formats.month(s.month()), formats.yen(s.yen())))));
        Optional<Settlement> paid = settlements.ofMerchant(merchant.id()).stream()
                .filter(s -> s.state() == SettlementState.PAID).findFirst();
        paid.ifPresent(s -> waiting.add(new Home.Waiting("waiting-settlement-paid", "/merchant/settlements",
                "my.waiting.settlementPaid", List.of(formats.month(s.month()), formats.yen(s.yen())))));
        return new Home(facts, waiting, cards);
    }

    private Home coordinator(User user) {
        List<Group> theirs = board.groupsOf(user);
        List<Home.Fact> facts = theirs.stream().map(g -> new Home.Fact("fact-group-" + g.id().value(),
                "my.fact.groupWallet", List.of(g.name()),
                formats.pt(wallets.balance(WalletOwner.group(g.id())).available()))).toList();
        List<Home.Waiting> waiting = new ArrayList<>();
        Instant now = clock.instant();
        for (Activity activity : board.activitiesOf(user)) {
            if (!activity.over(now)) {
                continue;
            }
            long unconfirmed = activities.signUps(activity.id()).stream().filter(s -> s.attendance() == null)
                    .count();
            if (unconfirmed > 0) {
                waiting.add(new Home.Waiting("waiting-hours-" + activity.id(),
                        "/coordinator/activities/" + activity.id(), "my.waiting.hours",
                        List.of(activity.title(), unconfirmed)));
            }
        }
        List<kyodo.fund.directory.GroupId> ids = theirs.stream().map(Group::id).toList();
        applications.ofGroups(ids).stream().filter(a -> a.status() == Application.Status.DRAFT)
                .forEach(a -> waiting.add(new Home.Waiting("waiting-draft-" + a.id().value(), "/fund/applications",
                        "my.waiting.draft", List.of(a.title()))));
        List<Home.Card> cards = new ArrayList<>();
        cards.add(new Home.Card("card-activities", "/coordinator/activities", "my.card.coordinate",
                "my.card.coordinate.about"));
        theirs.forEach(g -> cards.add(new Home.Card("card-group-" + g.id().value(),
                "/groups/" + g.id().value() + "/wallet", "my.card.groupWallet", "my.card.groupWallet.about")));
        cards.add(new Home.Card("card-applications", "/fund/applications", "my.card.applications",
                "my.card.applications.about"));
        cards.add(new Home.Card("card-directory", "/fund/groups", "my.card.directory", "my.card.directory.about"));
        return new Home(facts, waiting, cards);
    }

    private Home staff(User user) {
        List<Home.Waiting> waiting = new ArrayList<>();
        approvalsOfTheSystem(waiting);
        UserId me = user.userId();
        long toApprove = awards.awaitingApproval(LOOK).stream().filter(d -> !d.requestedBy().equals(me)).count();
        count(waiting, "waiting-disbursements", "/fund/staff/disbursements", "my.waiting.disbursements", toApprove);
        count(waiting, "waiting-pledges", "/fund/staff/pledges", "my.waiting.pledges",
                donations.byStatus(Donation.Status.PLEDGED, LOOK).size());
        count(waiting, "waiting-programs", "/fund/staff/programs", "my.waiting.programDrafts",
                programs.all(LOOK).stream().filter(p -> p.status() == Program.Status.DRAFT).count());
        return new Home(List.of(), waiting, List.of(
                new Home.Card("card-staff", "/staff", "my.card.staff", "my.card.staff.about"),
                new Home.Card("card-programs", "/fund/staff/programs", "my.card.programs",
                        "my.card.programs.about"),
                new Home.Card("card-disbursements", "/fund/staff/disbursements", "my.card.disbursements",
                        "my.card.disbursements.about"),
                new Home.Card("card-pledges", "/fund/staff/pledges", "my.card.pledges", "my.card.pledges.about"),
                new Home.Card("card-points", "/staff/points", "my.card.points", "my.card.points.about"),
                new Home.Card("card-settlements", "/staff/settlements", "my.card.staffSettlements",
                        "my.card.staffSettlements.about"),
                new Home.Card("card-audit", "/fund/audit", "my.card.audit", "my.card.audit.about")));
    }

    private Home reviewer(User user) {
        List<Home.Waiting> waiting = applications.awaitingReviewBy(user.userId(), LOOK).stream()
                .map(a -> new Home.Waiting("waiting-review-" + a.id().value(), "/fund/review/" + a.id().value(),
                        "my.waiting.review", List.<Object>of(a.title(), formats.yen(a.requested())))).toList();
        return new Home(List.of(), waiting, List.of(
                new Home.Card("card-results", "/fund/results", "my.card.results", "my.card.results.about"),
                new Home.Card("card-report", "/fund/report", "my.card.report", "my.card.report.about")));
    }

    private Home auditor() {
        List<Home.Waiting> waiting = new ArrayList<>();
        List<StatementImport> imports = reconciler.imports();
        if (!imports.isEmpty()) {
            StatementImport latest = imports.get(0);
            int unmatched = reconciler.reconciliation(latest.id()).unmatchedLines().size();
            count(waiting, "waiting-unmatched", "/fund/audit/reconciliation/" + latest.id(),
                    "my.waiting.unmatched", unmatched);
        }
        return new Home(List.of(), waiting, List.of(
                new Home.Card("card-trial-balance", "/fund/audit/trial-balance", "my.card.trialBalance",
                        "my.card.trialBalance.about"),
                new Home.Card("card-verification", "/fund/audit/verification", "my.card.verification",
                        "my.card.verification.about"),
                new Home.Card("card-reconciliation", "/fund/audit/reconciliation", "my.card.reconciliation",
                        "my.card.reconciliation.about"),
                new Home.Card("card-journal", "/fund/audit/journal", "my.card.journal", "my.card.journal.about")));
    }

    private Home donor(User user) {
        List<Donation> theirs = donations.byDonor(user.userId(), LOOK);
        long confirmed = theirs.stream().filter(d -> d.status() == Donation.Status.CONFIRMED).count();
        long pledged = theirs.stream().filter(d -> d.status() == Donation.Status.PLEDGED).count();
        List<Home.Waiting> waiting = new ArrayList<>();
        count(waiting, "waiting-pledged", "/fund/donations", "my.waiting.pledged", pledged);
        count(waiting, "waiting-receipts", "/fund/donations", "my.waiting.receipts", confirmed);
        long total = theirs.stream().filter(d -> d.status() == Donation.Status.CONFIRMED)
                .mapToLong(Donation::amount).sum();
        return new Home(List.of(new Home.Fact("fact-donated", "my.fact.donated", formats.yen(total))), waiting,
                List.of(new Home.Card("card-donate", "/fund/donate", "my.card.donate", "my.card.donate.about"),
                        new Home.Card("card-donations", "/fund/donations", "my.card.donations",
                                "my.card.donations.about"),
                        new Home.Card("card-report", "/fund/report", "my.card.report", "my.card.report.about")));
    }

    private Home admin() {
        List<Home.Waiting> waiting = new ArrayList<>();
        approvalsOfTheSystem(waiting);
        return new Home(List.of(), waiting, List.of(
                new Home.Card("card-staff", "/staff", "my.card.merchantApprovals",
                        "my.card.merchantApprovals.about"),
                new Home.Card("card-health", "/actuator/health", "my.card.health", "my.card.health.about"),
                new Home.Card("card-audit", "/fund/audit", "my.card.audit", "my.card.audit.about"),
                new Home.Card("card-log", "/log", "my.card.log", "my.card.log.about")));
    }

    /** Shops and groups that wait for staff's (or the admin's) approval. */
    private void approvalsOfTheSystem(List<Home.Waiting> waiting) {
        count(waiting, "waiting-merchants", "/staff", "my.waiting.merchants",
                merchants.findByStatusOrderById(MerchantStatus.PENDING).size());
        count(waiting, "waiting-groups", "/staff", "my.waiting.groups", groups.awaitingVerification(LOOK).size());
    }

    /** A waiting line only when there is something: an empty list reads better than "0 to approve". */
    private static void count(List<Home.Waiting> waiting, String id, String href, String key, long count) {
        if (count > 0) {
            waiting.add(new Home.Waiting(id, href, key, List.of(count)));
        }
    }
}
