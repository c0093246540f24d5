package kyodo.wallet.demo;

import kyodo.ledger.AccountId;
import kyodo.ledger.Amount;
import kyodo.ledger.EntryKind;
import kyodo.ledger.EntryRequest;
import kyodo.ledger.Leg;
import kyodo.ledger.Ledger;
import kyodo.wallet.account.WalletOwner;
import kyodo.wallet.account.Wallets;
import kyodo.wallet.user.Merchant;
import kyodo.wallet.user.Merchants;
import kyodo.wallet.user.Registrar;
import kyodo.wallet.user.Role;
import kyodo.wallet.user.User;
import kyodo.wallet.user.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * With {@code kyodo.demo.enabled=true} (the default for a local run) and no users yet: residents, two shops (one
 * approved, one waiting), a group with its coordinator, staff, an auditor and an admin, and points issued to the
 * residents through the ledger. Prints how to sign in.
 */
@Component
@ConditionalOnProperty(name = "kyodo.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoData implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    /** Demo passwords are public by design: these accounts exist only in a demo database. */
    static final String PASSWORD = "kyodo-demo-pass";
    static final long POINTS_PER_RESIDENT = 5_000;

    private final Users users;
    private final Merchants merchants;
    private final Registrar registrar;
    private final Wallets wallets;
    private final Ledger ledger;

    DemoData(Users users, Merchants merchants, Registrar registrar, Wallets wallets, Ledger ledger) {
        this.users = users;
        this.merchants = merchants;
        this.registrar = registrar;
        this.wallets = wallets;
        this.ledger = ledger;
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
        registrar.createUser("auditor", "監査委員 鈴木", PASSWORD, Role.AUDITOR);
        registrar.createUser("admin", "管理者", PASSWORD, Role.ADMIN);
        registrar.createUser("committee", "協働推進会議 委員 高橋", PASSWORD, Role.COMMITTEE);
        registrar.createUser("donor", "寄附者 伊藤", PASSWORD, Role.DONOR);
        AccountId issuance = wallets.issuance();
        for (String[] resident : List.of(new String[]{"hanako", "山田 花子"}, new String[]{"taro", "田中 太郎"},
                new String[]{"yuki", "小林 由紀"})) {
            User user = registrar.signUpResident(resident[0], resident[1], PASSWORD).user();
            ledger.post(EntryRequest.of("demo:issue:" + user.id(), EntryKind.ISSUE, "demo",
                    Leg.transfer(issuance, wallets.open(WalletOwner.resident(user.id())),
                            Amount.pt(POINTS_PER_RESIDENT))).withMemo("demo points"));
        }
        registrar.signUpMerchant("bakery", "パン屋 店主", PASSWORD, "こだまベーカリー");
        registrar.signUpMerchant("cafe", "カフェ 店主", PASSWORD, "さくらカフェ");
        Merchant bakery = merchants.findByOwnerId(users.findByUsername("bakery").orElseThrow().id()).orElseThrow();
        registrar.approve(bakery.id(), staff.id());
        User coordinator = registrar.createUser("coordinator", "みどり会 代表", PASSWORD, Role.COORDINATOR).user();
        registrar.registerGroup("みどり会(環境美化ボランティア)", coordinator.id());
        printHints();
    }

    private static void printHints() {
        log.info("""
                Demo data: sign in at /signin with password '{}' as:
                  residents: hanako, taro, yuki ({} pt each)   merchants: bakery (approved), cafe (waiting for approval)
                  staff: staff   auditor: auditor   admin: admin   committee: committee   donor: donor   group: coordinator""",
                PASSWORD, POINTS_PER_RESIDENT);
    }
}
