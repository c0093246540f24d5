package kyodo.ledger.model;

import kyodo.ledger.AccountClass;
import kyodo.ledger.AccountFlag;
import kyodo.ledger.AccountId;
import kyodo.ledger.AccountKind;
import kyodo.ledger.AccountOwner;
import kyodo.ledger.AccountPurpose;
import kyodo.ledger.AccountSpec;
import kyodo.ledger.Amount;
import kyodo.ledger.Asset;
import kyodo.ledger.EntryKey;
import kyodo.ledger.EntryKind;
import kyodo.ledger.EntryRequest;
import kyodo.ledger.Leg;
import kyodo.ledger.PendingId;
import kyodo.ledger.calendar.FiscalYear;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes a random sequence of operations from a seed. It tracks only what it generated (accounts by position,
 * keys, holds), never outcomes, so that the same seed always gives the same sequence and a shrunk sequence
 * still runs. The mix leans to valid transfers between few accounts, so that balances run out and rules bite.
 */
final class OpGenerator {
    private final Random random;
    private final List<Asset> accountAssets = new ArrayList<>();
    private final List<EntryRequest> posted = new ArrayList<>();
    private final List<PendingId> holds = new ArrayList<>();
    private int keys;

    OpGenerator(long seed) {
        this.random = new Random(seed);
    }

    List<Op> sequence(int length) {
        List<Op> ops = new ArrayList<>(length);
        for (int i = 0; i < 4; i++) {
            ops.add(open());
        }
        while (ops.size() < length) {
            ops.add(next());
        }
        return ops;
    }

    private Op next() {
        int roll = random.nextInt(100);
        if (roll < 6) {
            return open();
        }
        if (roll < 36) {
            return post(transfers(1 + (random.nextInt(5) == 0 ? random.nextInt(4) : 0)));
        }
        if (roll < 46) {
            return post(hold());
        }
        if (roll < 56 && !holds.isEmpty()) {
            return post(resolve());
        }
        if (roll < 62 && !posted.isEmpty()) {
            return new Op.Post(posted.get(random.nextInt(posted.size())));
        }
        if (roll < 65 && !posted.isEmpty()) {
            EntryRequest earlier = posted.get(random.nextInt(posted.size()));
            return new Op.Post(new EntryRequest(earlier.key(), earlier.kind(), earlier.actor(),
                    earlier.memo() + " changed", earlier.metadata(), earlier.legs()));
        }
        if (roll < 75) {
            return new Op.Post(BadRequestCases.random(random, key(), account(), account()));
        }
        if (roll < 80) {
            List<EntryRequest> batch = new ArrayList<>();
            for (int i = 0, n = 2 + random.nextInt(4); i < n; i++) {
                batch.add(random.nextBoolean() ? transfers(1) : hold());
            }
            batch.forEach(this::remember);
            return new Op.PostMany(batch);
        }
        if (roll < 88) {
            return new Op.Advance(random.nextInt(3) == 0 ? 86_400_000L + random.nextInt(1000) : random.nextInt(5000));
        }
        if (roll < 94) {
            return new Op.Sweep(1 + random.nextInt(5));
        }
        if (roll < 96) {
            return new Op.Close(account().value());
        }
        return post(transfers(1));
    }

    private Op open() {
        int index = accountAssets.size();
        Asset asset = random.nextInt(4) == 0 ? Asset.JPY : Asset.PT;
        int shape = random.nextInt(10);
        AccountSpec spec;
        if (index < 2) {
            // Two unconstrained sources, so money exists to move around.
            spec = AccountSpec.unclassified("source:" + index, asset, AccountKind.EQUITY);
        } else if (shape < 6) {
            spec = AccountSpec.wallet("wallet:" + index, asset, holderClass());
        } else if (shape < 7) {
            spec = AccountSpec.of("budget:" + index, asset, AccountKind.ASSET,
                    random.nextBoolean() ? AccountClass.budget(AccountOwner.WARD,
                            new FiscalYear(2025 + random.nextInt(3)))
                            : AccountClass.of(AccountOwner.FUND, AccountPurpose.DESIGNATION),
                    AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS);
        } else if (shape < 8) {
            spec = AccountSpec.unclassifiedWallet("capped:" + index, asset).withBalanceLimit(random.nextInt(500));
        } else if (shape < 9 && index > 0) {
            // Opening an existing code again: a retry, or a clash when the spec differs.
            return new Op.Open(AccountSpec.unclassified(random.nextBoolean() ? "source:0" : "source:1", asset,
                    AccountKind.EQUITY));
        } else {
            spec = AccountSpec.unclassified("plain:" + index, asset, AccountKind.EXPENSE);
        }
        if (random.nextInt(25) == 0) {
            // A class that does not fit together (a budget without its year): refused, nothing opened.
            return new Op.Open(spec.withClass(AccountClass.of(AccountOwner.WARD, AccountPurpose.BUDGET)));
        }
        accountAssets.add(asset);
        return new Op.Open(spec);
    }

    /** A wallet's class: few owners, so that queries by owner select several accounts. */
    private AccountClass holderClass() {
        long owner = 1 + random.nextInt(3);
        YearMonth month = YearMonth.of(2026, 9 + random.nextInt(4));
        return switch (random.nextInt(4)) {
            case 0 -> AccountClass.vintage(AccountOwner.resident(owner), month);
            case 1 -> AccountClass.vintage(AccountOwner.group(owner), month);
            case 2 -> AccountClass.wallet(AccountOwner.merchant(owner));
            default -> AccountClass.UNCLASSIFIED;
        };
    }

    private Op post(EntryRequest request) {
        remember(request);
        return new Op.Post(request);
    }

    private void remember(EntryRequest request) {
        posted.add(request);
        for (int i = 0; i < request.legs().size(); i++) {
            if (request.legs().get(i) instanceof Leg.Hold) {
                holds.add(new PendingId(request.key(), i));
            }
        }
    }

    private EntryRequest transfers(int legs) {
        List<Leg> list = new ArrayList<>();
        for (int i = 0; i < legs; i++) {
            AccountId debit = account();
            AccountId credit = account();
            if (debit.equals(credit)) {
                credit = new AccountId(credit.value() % Math.max(1, accountAssets.size()) + 1);
            }
            list.add(Leg.transfer(debit, credit, amount(debit)));
        }
        return request(EntryKind.TRANSFER, list);
    }

    private EntryRequest hold() {
        AccountId debit = account();
        AccountId credit = account();
        if (debit.equals(credit)) {
            credit = new AccountId(credit.value() % Math.max(1, accountAssets.size()) + 1);
        }
        Duration timeout = random.nextInt(3) == 0 ? null : Duration.ofMillis(1 + random.nextInt(20_000));
        return request(EntryKind.SPEND, List.of(Leg.hold(debit, credit, amount(debit), timeout)));
    }

    private EntryRequest resolve() {
        PendingId hold = holds.get(random.nextInt(holds.size()));
        int choice = random.nextInt(4);
        Leg leg = switch (choice) {
            case 0 -> Leg.postPending(hold);
            case 1 -> Leg.postPending(hold, 1 + random.nextInt(300));
            default -> Leg.voidPending(hold);
        };
        return request(choice < 2 ? EntryKind.SPEND : EntryKind.VOID, List.of(leg));
    }

    private EntryRequest request(EntryKind kind, List<Leg> legs) {
        String memo = random.nextInt(5) == 0 ? "ありがとう 商店街 " + random.nextInt(100) : "";
        String metadata = random.nextInt(6) == 0 ? "{\"order\":\"" + random.nextInt(1000) + "\",\"n\":[1,2]}" : null;
        return new EntryRequest(new EntryKey(key()), kind, "user:" + random.nextInt(5), memo, metadata, legs);
    }

    private String key() {
        return "k" + (keys++);
    }

    private AccountId account() {
        int n = Math.max(1, accountAssets.size());
        return new AccountId(1 + random.nextInt(n + (random.nextInt(30) == 0 ? 2 : 0)));
    }

    private Amount amount(AccountId debit) {
        int index = (int) debit.value() - 1;
        Asset asset = index < accountAssets.size() ? accountAssets.get(index) : Asset.PT;
        if (random.nextInt(15) == 0) {
            asset = asset.equals(Asset.PT) ? Asset.JPY : Asset.PT;
        }
        long minor = random.nextInt(40) == 0 ? Long.MAX_VALUE - random.nextInt(10) : 1 + random.nextInt(400);
        return new Amount(asset, minor);
    }
}
