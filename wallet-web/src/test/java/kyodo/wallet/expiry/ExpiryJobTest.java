package kyodo.wallet.expiry;

import kyodo.ledger.Account;
import kyodo.wallet.WalletWebTest;
import kyodo.wallet.account.PointsProperties;
import kyodo.wallet.account.VintageAccount;
import kyodo.wallet.account.WalletOwner;
import kyodo.wallet.user.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The expiry job on the real ledger: expired vintages go to expired:pt once, however often or at once it runs. */
class ExpiryJobTest extends WalletWebTest {
    @Autowired
    ExpiryJob job;
    @Autowired
    PointsProperties points;

    @Test
    void theJobSweepsExpiredVintagesAndASecondRunChangesNothing() {
        YearMonth now = wallets.currentMonth();
        YearMonth expired = now.minusMonths(points.expiryMonths() + 1L);
        YearMonth lastLiving = now.minusMonths(points.expiryMonths());
        User resident = resident(0);
        WalletOwner owner = WalletOwner.resident(resident.id());
        issue(owner, expired.minusMonths(2), 30);
        issue(owner, expired, 70);
        issue(owner, lastLiving, 20);
        long expiredBefore = expiredPoints();

        ExpiryJob.Run first = job.run();
        long head = ledger.head().sequence();
        ExpiryJob.Run second = job.run();

        assertThat(first.pointsExpired()).isGreaterThanOrEqualTo(100);
        assertThat(expiredPoints() - expiredBefore).isEqualTo(first.pointsExpired());
        // the three issued vintages, and this month's (opened empty at sign-up)
        assertThat(wallets.vintages(owner)).extracting(VintageAccount::posted).containsExactly(0L, 0L, 20L, 0L);
        assertThat(balance(resident)).isEqualTo(20);
        assertThat(second.vintagesSwept()).isZero();
        assertThat(ledger.head().sequence()).isEqualTo(head);
    }

    @Test
    void concurrentRunsExpireEachVintageOnce() throws Exception {
        YearMonth expired = wallets.currentMonth().minusMonths(points.expiryMonths() + 3L);
        List<WalletOwner> owners = new ArrayList<>();
        long issued = 0;
        job.run(); // whatever other tests left behind, so that the runs below see only these vintages
        for (int i = 1; i <= 12; i++) {
            WalletOwner owner = WalletOwner.resident(resident(0).id());
            issue(owner, expired, 10L * i);
            issue(owner, expired.minusMonths(1), 5L * i);
            owners.add(owner);
            issued += 15L * i;
        }
        long expiredBefore = expiredPoints();
        int runs = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        List<Future<ExpiryJob.Run>> results = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return job.run();
            }));
        }
        start.countDown();
        int swept = 0;
        long pointsExpired = 0;
        for (Future<ExpiryJob.Run> result : results) {
            swept += result.get().vintagesSwept();
            pointsExpired += result.get().pointsExpired();
        }
        pool.shutdown();

        assertThat(swept).isEqualTo(2 * owners.size());
        assertThat(pointsExpired).isEqualTo(issued);
        assertThat(expiredPoints() - expiredBefore).isEqualTo(issued);
        for (WalletOwner owner : owners) {
            assertThat(wallets.vintages(owner)).extracting(VintageAccount::posted).containsOnly(0L);
        }
    }

    private long expiredPoints() {
        return ledger.account(points.expiredTo().accountCode()).map(Account::balance).map(b -> b.posted()).orElse(0L);
    }
}
