package kyodo.wallet.account;

import kyodo.ledger.calendar.FiscalYear;
import kyodo.ledger.AccountId;
import kyodo.ledger.EntryKey;
import kyodo.ledger.EntryKind;
import kyodo.ledger.PostResult;
import kyodo.ledger.ResultCode;
import kyodo.wallet.WalletWebTest;
import kyodo.wallet.expiry.ExpiryJob;
import kyodo.wallet.user.Merchant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.fail;

/**
 * The vintage wallet against a plain in-memory model of vintages (a sorted map of month to points per owner):
 * random issuance into recent and expired months, payments, transfers and expiry runs, comparing every result
 * and every vintage after each step. Replay a failure with {@code -Dkyodo.vintage.seed=<seed>}; run longer with
 * {@code -Dkyodo.vintage.sequences=<n>}.
 */
class VintageModelTest extends WalletWebTest {
    private static final int SEQUENCES = Integer.getInteger("kyodo.vintage.sequences", 4);
    private static final int STEPS = 40;
    private static final int OWNERS = 3;
    private static final int MONTHS_BACK_MAX = 9;

    @Autowired
    Spender spender;
    @Autowired
    ExpiryJob expiry;
    @Autowired
    PointsProperties points;
    @Autowired
    Clock clock;

    @Test
    void vintageWalletsAgreeWithASimpleModelOnRandomSequences() {
        long baseSeed = Long.getLong("kyodo.vintage.seed", new Random().nextLong());
        System.out.println("vintage model base seed " + baseSeed + ", " + SEQUENCES + " sequences");
        YearMonth now = wallets.currentMonth();
        for (int back = 0; back <= MONTHS_BACK_MAX; back++) {
            budget.raise(FiscalYear.containing(now.minusMonths(back).atDay(1)), TEST_BUDGET, "test", "test-budget");
        }
        Random seeds = new Random(baseSeed);
        for (int i = 0; i < SEQUENCES; i++) {
            long seed = i == 0 ? baseSeed : seeds.nextLong();
            String mismatch = run(seed);
            if (mismatch != null) {
                fail("vintage wallet and model disagree, seed " + seed + " (replay with -Dkyodo.vintage.seed=" + seed
                        + " -Dkyodo.vintage.sequences=1): " + mismatch);
            }
        }
    }

    /** One random sequence on fresh owners; the first disagreement, or null. */
    private String run(long seed) {
        Random random = new Random(seed);
        YearMonth now = wallets.currentMonth();
        List<WalletOwner> owners = new ArrayList<>();
        List<TreeMap<YearMonth, Long>> model = new ArrayList<>();
        for (int i = 0; i < OWNERS; i++) {
            owners.add(WalletOwner.resident(resident(0).id()));
            model.add(new TreeMap<>());
        }
        Merchant shop = merchant();
        AccountId shopAccount = wallets.open(WalletOwner.merchant(shop.id()));
        for (int step = 0; step < STEPS; step++) {
            int who = random.nextInt(OWNERS);
            WalletOwner owner = owners.get(who);
            String key = "model:" + seed + ":" + step + ":" + owner.id();
            int op = random.nextInt(10);
            String what;
            if (op < 4) {
                YearMonth month = now.minusMonths(random.nextInt(MONTHS_BACK_MAX + 1));
                long amount = 1 + random.nextInt(300);
                what = "issue " + amount + " into " + month + " of " + owner;
                PostResult result = issuer.issueInto(owner, month, amount, new EntryKey(key), EntryKind.ISSUE, "test",
                        "", null);
                if (!result.onTheBooks()) {
                    return step + " " + what + ": " + result.code();
                }
                model.get(who).merge(month, amount, Long::sum);
            } else if (op < 9) {
                long amount = 1 + random.nextInt(400);
                boolean transfer = op >= 7;
                int to = (who + 1 + random.nextInt(OWNERS - 1)) % OWNERS;
                WalletOwner recipient = owners.get(to);
                what = (transfer ? "transfer " : "pay ") + amount + " from " + owner
                        + (transfer ? " to " + recipient : "");
                PostResult result = spender.take(owner, amount,
                        transfer ? vintage -> wallets.vintage(recipient, vintage) : vintage -> shopAccount,
                        new EntryKey(key), transfer ? EntryKind.TRANSFER : EntryKind.SPEND, "test", "", null);
                Map<YearMonth, Long> taken = takeOldestFirst(model.get(who), amount, now);
                ResultCode expected = taken == null ? ResultCode.INSUFFICIENT_FUNDS : ResultCode.POSTED;
                if (result.code() != expected) {
                    return step + " " + what + ": ledger " + result.code() + ", model " + expected;
                }
                if (taken != null && transfer) {
                    taken.forEach((month, take) -> model.get(to).merge(month, take, Long::sum));
                }
            } else {
                what = "expiry run";
                expiry.run();
                for (TreeMap<YearMonth, Long> vintages : model) {
                    vintages.replaceAll((month, left) -> points.expired(month, clock.instant()) ? 0L : left);
                }
            }
            for (int i = 0; i < OWNERS; i++) {
                String difference = compare(owners.get(i), model.get(i), now);
                if (difference != null) {
                    return "after step " + step + " (" + what + "): " + difference;
                }
            }
        }
        return null;
    }

    /** Takes {@code amount} from the unexpired vintages oldest first; what came from which month, or null if short. */
    private Map<YearMonth, Long> takeOldestFirst(TreeMap<YearMonth, Long> vintages, long amount, YearMonth now) {
        long spendable = 0;
        for (Map.Entry<YearMonth, Long> v : vintages.entrySet()) {
            if (!points.expired(v.getKey(), clock.instant())) {
                spendable += v.getValue();
            }
        }
        if (spendable < amount) {
            return null;
        }
        Map<YearMonth, Long> taken = new TreeMap<>();
        long left = amount;
        for (Map.Entry<YearMonth, Long> v : vintages.entrySet()) {
            if (left == 0) {
                break;
            }
            if (points.expired(v.getKey(), clock.instant()) || v.getValue() == 0) {
                continue;
            }
            long take = Math.min(left, v.getValue());
            v.setValue(v.getValue() - take);
            taken.put(v.getKey(), take);
            left -= take;
        }
        return taken;
    }

    private String compare(WalletOwner owner, TreeMap<YearMonth, Long> model, YearMonth now) {
        TreeMap<YearMonth, Long> actual = new TreeMap<>();
        for (VintageAccount v : wallets.vintages(owner)) {
            if (v.posted() != 0) {
                actual.merge(v.month(), v.posted(), Long::sum);
            }
        }
        TreeMap<YearMonth, Long> expected = new TreeMap<>(model);
        expected.values().removeIf(left -> left == 0);
        if (!actual.equals(expected)) {
            return owner + " vintages " + actual + ", model " + expected;
        }
        long spendable = expected.entrySet().stream().filter(e -> !points.expired(e.getKey(), clock.instant()))
                .mapToLong(Map.Entry::getValue).sum();
        long balance = wallets.balance(owner).available();
        return balance == spendable ? null : owner + " balance " + balance + ", model " + spendable;
    }
}
