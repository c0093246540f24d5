package kyodo.wallet.user;

import kyodo.wallet.WalletWebTest;
import kyodo.wallet.account.WalletOwner;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-up under concurrency: one name, one user, and every answer a clear one. */
class RegistrarTest extends WalletWebTest {
    private static final int THREADS = 12;

    @Test
    void residentsSigningUpWithOneNameAtOnceGetOneAccountAndTheRestAreToldTheNameIsTaken() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Callable<Registrar.SignedUp>> attempts = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            attempts.add(() -> registrar.signUpResident("same-name", "同名 さん", PASSWORD));
        }
        List<Registrar.SignedUp> answers = new ArrayList<>();
        try {
            for (Future<Registrar.SignedUp> answer : pool.invokeAll(attempts)) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(answers).filteredOn(Registrar.SignedUp::ok).hasSize(1);
        assertThat(answers).filteredOn(a -> !a.ok()).extracting(Registrar.SignedUp::error)
                .containsOnly(SignUpError.USERNAME_TAKEN).hasSize(THREADS - 1);
        User user = users.findByUsername("same-name").orElseThrow();
        assertThat(wallets.exists(WalletOwner.resident(user.id()))).isTrue();
    }
}
