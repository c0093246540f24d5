package kyodo.ledger.model;

import kyodo.ledger.EntryRequest;
import kyodo.ledger.Ledger;
import kyodo.ledger.LedgerId;
import kyodo.ledger.PostResult;
import kyodo.ledger.ResultCode;
import kyodo.ledger.memory.InMemoryLedger;
import kyodo.ledger.postgres.PostgresLedger;
import kyodo.ledger.postgres.WriterListener;
import kyodo.ledger.postgres.WriterSettings;
import kyodo.ledger.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The PostgreSQL ledger must agree with the in-memory reference on random sequences. Replay a failure with
 * {@code -Dkyodo.model.seed=<seed> -Dkyodo.model.sequences=1}; run longer with a larger
 * {@code kyodo.model.sequences}.
 */
class LedgerModelTest {
    private static final int SEQUENCES = Integer.getInteger("kyodo.model.sequences", 200);
    private static final int LENGTH_MAX = 100;
    private static TestDatabase database;

    @BeforeAll
    static void database() {
        database = TestDatabase.create("model");
    }

    @Test
    void postgresAgreesWithTheReferenceOnRandomSequences() {
        long baseSeed = Long.getLong("kyodo.model.seed", new Random().nextLong());
        System.out.println("model test base seed " + baseSeed + ", " + SEQUENCES + " sequences");
        ModelCheck check = new ModelCheck(LedgerModelTest::reference, LedgerModelTest::postgres);
        Random seeds = new Random(baseSeed);
        for (int i = 0; i < SEQUENCES; i++) {
            long seed = i == 0 ? baseSeed : seeds.nextLong();
            List<Op> ops = new OpGenerator(seed).sequence(1 + new Random(seed).nextInt(LENGTH_MAX));
            ModelCheck.Mismatch mismatch = check.run(ops);
            if (mismatch != null) {
                List<Op> shrunk = Shrinker.shrink(ops, candidate -> check.run(candidate) != null);
                fail(report(seed, mismatch, shrunk, check.run(shrunk)));
            }
        }
    }

    /** The harness itself must catch a wrong ledger and shrink its failure to the operations that matter. */
    @Test
    void harnessCatchesAWrongLedgerAndShrinksTheSequence() {
        ModelCheck check = new ModelCheck(LedgerModelTest::reference, (run, clock) -> forgetsKeyReuse(
                reference(run, clock)));
        for (long seed = 1; seed < 500; seed++) {
            List<Op> ops = new OpGenerator(seed).sequence(80);
            if (check.run(ops) != null) {
                List<Op> shrunk = Shrinker.shrink(ops, candidate -> check.run(candidate) != null);
                // What is left: the accounts the first post needs, the post, and the reuse of its key.
                assertThat(shrunk).hasSizeLessThanOrEqualTo(8).hasSizeLessThan(ops.size());
                assertThat(check.run(shrunk).what()).contains("KEY_REUSED_WITH_DIFFERENT_REQUEST");
                for (int i = 0; i < shrunk.size(); i++) {
                    List<Op> without = new java.util.ArrayList<>(shrunk);
                    without.remove(i);
                    assertThat(check.run(without)).as("shrunk sequence without operation %d", i).isNull();
                }
                return;
            }
        }
        fail("no generated sequence reused a key with a different request in 500 seeds");
    }

    private static String report(long seed, ModelCheck.Mismatch first, List<Op> shrunk, ModelCheck.Mismatch last) {
        StringBuilder text = new StringBuilder("ledgers disagree, seed " + seed + " (replay with -Dkyodo.model.seed="
                + seed + " -Dkyodo.model.sequences=1)\nfirst at step " + first.step() + ": " + first.what()
                + "\nshrunk to " + shrunk.size() + " operations, failing at step "
                + (last == null ? "?" : last.step() + ": " + last.what()) + "\n");
        for (int i = 0; i < shrunk.size(); i++) {
            text.append(String.format("  %3d  %s%n", i, Op.describe(shrunk.get(i))));
        }
        return text.toString();
    }

    private static Ledger reference(int run, java.time.Clock clock) {
        return new InMemoryLedger(new LedgerId(run), clock);
    }

    private static Ledger postgres(int run, java.time.Clock clock) {
        return new PostgresLedger(database.dataSource(), new LedgerId(run), "model run " + run, clock,
                new WriterSettings(64, 1024, Duration.ZERO, 3), WriterListener.NONE);
    }

    /** A ledger with a planted bug: it answers a key reused with a different request as a harmless retry. */
    private static Ledger forgetsKeyReuse(Ledger real) {
        return (Ledger) Proxy.newProxyInstance(Ledger.class.getClassLoader(), new Class<?>[] {Ledger.class},
                (proxy, method, args) -> {
                    Object result = method.invoke(real, args);
                    if (method.getName().equals("post") && args[0] instanceof EntryRequest
                            && result instanceof PostResult posted
                            && posted.code() == ResultCode.KEY_REUSED_WITH_DIFFERENT_REQUEST) {
                        return PostResult.posted(posted.key(), ResultCode.ALREADY_POSTED, 1);
                    }
                    return result;
                });
    }
}
