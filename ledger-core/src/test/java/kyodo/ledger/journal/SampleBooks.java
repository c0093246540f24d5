package kyodo.ledger.journal;

import kyodo.ledger.Account;
import kyodo.ledger.AccountKind;
import kyodo.ledger.AccountSpec;
import kyodo.ledger.Amount;
import kyodo.ledger.Asset;
import kyodo.ledger.EntryKey;
import kyodo.ledger.EntryKind;
import kyodo.ledger.EntryRequest;
import kyodo.ledger.Ledger;
import kyodo.ledger.LedgerId;
import kyodo.ledger.Leg;
import kyodo.ledger.PendingId;
import kyodo.ledger.PostResult;
import kyodo.ledger.memory.InMemoryLedger;
import kyodo.ledger.testing.MutableClock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A ledger with realistic traffic for journal tests: point issuance into wallets, spending at merchants,
 * transfers, donations in yen, and grant holds that are posted in part or voided. Deterministic per seed.
 */
public final class SampleBooks {
    public static final Instant START = Instant.parse("2026-04-01T00:00:00Z");

    private final Ledger ledger;
    private final MutableClock clock;
    private final Random random;
    private final List<Account> wallets = new ArrayList<>();
    private final List<Account> merchants = new ArrayList<>();
    private final List<PendingId> openHolds = new ArrayList<>();
    private final Account issuance;
    private final Account bank;
    private final Account general;
    private final Account grants;
    private int posted;

    public SampleBooks(long ledgerId, long seed) {
        this(clock -> new InMemoryLedger(new LedgerId(ledgerId), clock), seed);
    }

    /** Books on the ledger that {@code ledgerOnClock} makes with the books' clock. */
    public SampleBooks(Function<Clock, Ledger> ledgerOnClock, long seed) {
        this.clock = new MutableClock(START);
        this.ledger = ledgerOnClock.apply(clock);
        this.random = new Random(seed);
        issuance = open(AccountSpec.unclassified("issuance:budget:2026", Asset.PT, AccountKind.EQUITY));
        bank = open(AccountSpec.unclassified("fund:bank", Asset.JPY, AccountKind.ASSET));
        general = open(AccountSpec.unclassifiedWallet("fund:general", Asset.JPY));
        grants = open(AccountSpec.unclassified("fund:grants-payable", Asset.JPY, AccountKind.LIABILITY));
        for (int i = 0; i < 8; i++) {
            wallets.add(open(AccountSpec.unclassifiedWallet("wallet:resident:" + i + ":2026-04", Asset.PT)));
        }
        for (int i = 0; i < 3; i++) {
            merchants.add(open(AccountSpec.unclassifiedWallet("merchant:" + i + " 商店", Asset.PT)));
        }
    }

    private Account open(AccountSpec spec) {
        return ledger.open(spec).orThrow();
    }

    public Ledger ledger() {
        return ledger;
    }

    public MutableClock clock() {
        return clock;
    }

    /** Posts {@code count} more entries (rejected requests are retried with another operation). */
    public SampleBooks post(int count) {
        int target = posted + count;
        while (posted < target) {
            clock.advance(Duration.ofMillis(1 + random.nextInt(5000)));
            PostResult result = ledger.post(next());
            if (result.onTheBooks()) {
                posted++;
            }
        }
        return this;
    }

    private EntryRequest next() {
        String key = "k-" + posted + "-" + random.nextInt(1_000_000);
        int choice = random.nextInt(10);
        Account wallet = wallets.get(random.nextInt(wallets.size()));
        if (choice <= 2) {
            return EntryRequest.of(key, EntryKind.ISSUE, "staff:1",
                    Leg.transfer(issuance.id(), wallet.id(), Amount.pt(1 + random.nextInt(500))))
                    .withMemo("ボランティア " + random.nextInt(10) + " 時間")
                    .withMetadata(random.nextBoolean() ? null : "{\"activity\": " + random.nextInt(100) + ", \"note\": \"a\\\"b\"}");
        }
        if (choice <= 4) {
            Account merchant = merchants.get(random.nextInt(merchants.size()));
            Account other = wallets.get(random.nextInt(wallets.size()));
            if (other.equals(wallet)) {
                return EntryRequest.of(key, EntryKind.SPEND, "resident", Leg.transfer(wallet.id(), merchant.id(),
                        Amount.pt(1 + random.nextInt(50))));
            }
            return EntryRequest.of(key, EntryKind.SPEND, "resident",
                    Leg.transfer(wallet.id(), merchant.id(), Amount.pt(1 + random.nextInt(30))),
                    Leg.transfer(other.id(), merchant.id(), Amount.pt(1 + random.nextInt(30))));
        }
        if (choice == 5) {
            return EntryRequest.of(key, EntryKind.DONATION, "staff:2",
                    Leg.transfer(bank.id(), general.id(), Amount.yen(1000 + random.nextInt(100_000))));
        }
        if (choice == 6) {
            Duration timeout = random.nextBoolean() ? null : Duration.ofDays(30);
            EntryRequest award = EntryRequest.of(key, EntryKind.AWARD, "staff:3",
                    Leg.hold(general.id(), grants.id(), Amount.yen(100 + random.nextInt(5000)), timeout));
            openHolds.add(new PendingId(new EntryKey(key), 0));
            return award;
        }
        if (choice == 7 && !openHolds.isEmpty()) {
            PendingId hold = openHolds.remove(random.nextInt(openHolds.size()));
            if (random.nextBoolean()) {
                return EntryRequest.of(key, EntryKind.VOID, "staff:3", Leg.voidPending(hold));
            }
            return EntryRequest.of(key, EntryKind.DISBURSE, "staff:4", random.nextBoolean()
                    ? Leg.postPending(hold) : Leg.postPending(hold, 50));
        }
        Account other = wallets.get(random.nextInt(wallets.size()));
        if (other.equals(wallet)) {
            other = wallets.get((wallets.indexOf(wallet) + 1) % wallets.size());
        }
        return EntryRequest.of(key, EntryKind.TRANSFER, "resident", Leg.transfer(wallet.id(), other.id(),
                Amount.pt(1 + random.nextInt(20))));
    }
}
