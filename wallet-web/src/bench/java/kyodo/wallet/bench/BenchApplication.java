package kyodo.wallet.bench;

import kyodo.fund.access.Role;
import kyodo.ledger.testing.TestDatabase;
import kyodo.wallet.KyodoApplication;
import kyodo.wallet.TestSetup;
import kyodo.wallet.account.WalletOwner;
import kyodo.wallet.qr.QrCodes;
import kyodo.wallet.user.Merchant;
import kyodo.wallet.user.Merchants;
import kyodo.wallet.user.Registrar;
import kyodo.wallet.user.User;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole application as the benchmarks run it: a fresh database, keys in temporary directories, no demo data,
 * rate limits out of the way (they would measure themselves), quiet logs.
 */
final class BenchApplication {
    private BenchApplication() {
    }

    static ConfigurableApplicationContext start(String name, int port) throws IOException {
        TestDatabase database = TestDatabase.create("wallet_" + name);
        return SpringApplication.run(KyodoApplication.class,
                "--server.port=" + port, "--kyodo.db.url=" + database.url(), "--kyodo.db.user=" + database.user(),
                "--kyodo.db.password=" + database.password(), "--kyodo.demo.enabled=false",
                "--kyodo.qr.key-directory=" + Files.createTempDirectory("kyodo-" + name + "-keys"),
                "--kyodo.journal.keys-directory=" + Files.createTempDirectory("kyodo-" + name + "-journal-keys"),
                "--kyodo.payments.rate-burst=100000", "--kyodo.payments.rate-per-second=100000",
                "--logging.level.root=WARN");
    }

    /** An approved shop's store QR URL (the resident types the amount). */
    static String approvedShopStoreQr(ConfigurableApplicationContext app, String name, String password) {
        Registrar registrar = app.getBean(Registrar.class);
        User staff = registrar.createUser(name + "-staff", "staff", password, Role.STAFF).user();
        Merchant shop = TestSetup.approvedShop(registrar, app.getBean(Merchants.class), staff.id(), name + "-shop",
                password, "Shop " + name);
        QrCodes qrCodes = app.getBean(QrCodes.class);
        return qrCodes.url(qrCodes.storeQr(shop.id()));
    }

    /** A signed-in resident with points. */
    record Resident(long id, ApiSession session) {
    }

    /** {@code count} residents named {@code name-0…}, each issued {@code points} and signed in over HTTP. */
    static List<Resident> fundedResidents(ConfigurableApplicationContext app, int port, String name, int count,
                                          long points, String password) throws Exception {
        Registrar registrar = app.getBean(Registrar.class);
        List<Resident> residents = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            User user = registrar.signUpResident(name + "-" + i, "resident " + i, password).user();
            Issuance.fund(app, WalletOwner.resident(user.id()), points, name + ":issue:" + i);
            residents.add(new Resident(user.id(), ApiSession.signIn(port, user.username(), password)));
        }
        return residents;
    }
}
