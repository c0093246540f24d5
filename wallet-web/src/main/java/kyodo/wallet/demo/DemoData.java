package kyodo.wallet.demo;

import kyodo.ledger.calendar.FiscalYear;
import kyodo.fund.access.Role;
import kyodo.fund.directory.Group;
import kyodo.ledger.EntryKey;
import kyodo.ledger.EntryKind;
import kyodo.wallet.account.PointsProperties;
import kyodo.wallet.account.WalletOwner;
import kyodo.wallet.account.Wallets;
import kyodo.wallet.earning.EarningDemo;
import kyodo.wallet.earning.IssuanceBudget;
import kyodo.wallet.earning.Issuer;
import kyodo.wallet.transfer.Sender;
import kyodo.wallet.user.Merchant;
import kyodo.wallet.user.Merchants;
import kyodo.wallet.user.Registrar;
import kyodo.wallet.user.User;
import kyodo.wallet.user.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

/**
 * With {@code kyodo.demo.enabled=true} (the default for a local run) and no users yet: residents, two shops (one
 * approved, one waiting), a group with its coordinator, two fund staff (so that a disbursement one requests the
 * other can approve), an auditor and an admin, and points issued to the residents through the issuance path (this
 * fiscal year's budget is set first; part of the points are of an older vintage that expires this month, so the
 * wallet shows a reminder). A resident gives the group points, so its wallet page has something to show. Prints
 * how to sign in.
 */
@Component
@ConditionalOnProperty(name = "kyodo.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoData implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    /** Demo passwords are public by design: these accounts exist only in a demo database. */
    static final String PASSWORD = "kyodo-demo-pass";
    static final long POINTS_PER_RESIDENT = 5_000;
    /** Of each resident's points, this many are of the oldest spendable vintage (they expire this month). */
    static final long OLDER_POINTS = 1_200;
    static final long DEMO_BUDGET = 1_000_000;
    /** What a resident gives the demo group, so the group's wallet page shows a balance and a line. */
    static final long GIFT_TO_GROUP = 800;

    private final Users users;
    private final Merchants merchants;
    private final Registrar registrar;
    private final Wallets wallets;
    private final IssuanceBudget budget;
    private final Issuer issuer;
    private final PointsProperties points;
    private final Clock clock;
    private final EarningDemo earningDemo;
    private final Sender sender;

    DemoData(Users users, Merchants merchants, Registrar registrar, Wallets wallets, IssuanceBudget budget,
             Issuer issuer, PointsProperties points, Clock clock, EarningDemo earningDemo, Sender sender) {
        this.earningDemo = earningDemo;
        this.sender = sender;
        this.users = users;
        this.merchants = merchants;
        this.registrar = registrar;
        this.wallets = wallets;
        this.budget = budget;
        this.issuer = issuer;
        this.points = points;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            if (users.existsByUsername("hanako")) {
                printHints();
            }
            return;
        }
        User staff = registrar.createUser("staff", "区職員 佐藤", PASSWORD, Role.STAFF).user();
        registrar.createUser("staff2", "区職員 中村", PASSWORD, Role.STAFF);
        registrar.createUser("auditor", "監査委員 鈴木", PASSWORD, Role.AUDITOR);
        registrar.createUser("admin", "管理者", PASSWORD, Role.ADMIN);
        registrar.createUser("committee", "協働推進会議 委員 高橋", PASSWORD, Role.COMMITTEE);
        registrar.createUser("donor", "寄附者 伊藤", PASSWORD, Role.DONOR);
        budget.raise(FiscalYear.current(clock), DEMO_BUDGET, "demo", "demo-initial");
        FiscalYear olderYear = FiscalYear.containing(olderVintage().atDay(1));
        if (!olderYear.equals(FiscalYear.current(clock))) {
            budget.raise(olderYear, DEMO_BUDGET, "demo", "demo-initial");
        }
        for (String[] resident : List.of(new String[]{"hanako", "山田 花子"}, new String[]{"taro", "田中 太郎"},
                new String[]{"yuki", "小林 由紀"})) {
            User user = registrar.signUpResident(resident[0], resident[1], PASSWORD).user();
            issueDemoPoints(WalletOwner.resident(user.id()));
        }
        registrar.signUpMerchant("bakery", "パン屋 店主", PASSWORD, "こだまベーカリー");
        registrar.signUpMerchant("cafe", "カフェ 店主", PASSWORD, "さくらカフェ");
        Merchant bakery = merchants.findByOwnerId(users.findByUsername("bakery").orElseThrow().id()).orElseThrow();
        registrar.approve(bakery.id(), staff.id());
        User coordinator = registrar.createUser("coordinator", "みどり会 代表", PASSWORD, Role.GROUP_COORDINATOR)
                .user();
        User hanako = users.findByUsername("hanako").orElseThrow();
        User taro = users.findByUsername("taro").orElseThrow();
        Group group = earningDemo.create(coordinator, staff, List.of(hanako, taro));
        sender.send(hanako.userId(), WalletOwner.group(group.id()), String.valueOf(GIFT_TO_GROUP),
                "清掃活動の軍手代に", "demo-gift-to-group-1");
        printHints();
    }

    /**
     * Through the issuance path, from this fiscal year's budget: most points in this month's vintage and some in
     * an older one, so that the wallet shows two expiry dates (the older one within the reminder window when the
     * expiry is short).
     */
    private void issueDemoPoints(WalletOwner resident) {
        YearMonth now = wallets.currentMonth();
        issuer.issueInto(resident, olderVintage(), OLDER_POINTS, new EntryKey("demo:issue-older:" + resident.id()),
                EntryKind.ISSUE, "demo", "demo points", null);
        issuer.issueInto(resident, now, POINTS_PER_RESIDENT - OLDER_POINTS,
                new EntryKey("demo:issue:" + resident.id()), EntryKind.ISSUE, "demo", "demo points", null);
    }

    /** The oldest vintage still spendable: it expires at the end of this month. */
    private YearMonth olderVintage() {
        return wallets.currentMonth().minusMonths(points.expiryMonths());
    }

    private static void printHints() {
        log.info("""
                Demo data: sign in at /signin with password '{}' as:
                  residents: hanako, taro, yuki ({} pt each)   merchants: bakery (approved), cafe (waiting for approval)
                  staff: staff, staff2   auditor: auditor   admin: admin   committee: committee   donor: donor
                  group coordinator: coordinator (the group's wallet: /coordinator/activities)""",
                PASSWORD, POINTS_PER_RESIDENT);
    }
}
