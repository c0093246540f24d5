package kyodo.ledger;

import kyodo.ledger.memory.InMemoryLedger;
import kyodo.ledger.postgres.PostgresLedger;
import kyodo.ledger.testing.MutableClock;
import kyodo.ledger.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule of the books, on both ledgers: each request gets its code, and a rejected request changes
 * nothing (head, accounts and trial balance stay as they were).
 */
class LedgerRulesTest {
    private static final AtomicLong LEDGERS = new AtomicLong();
    private static TestDatabase database;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T01:00:00Z"));
    private Ledger ledger;
    private AccountId source;
    private AccountId alice;
    private AccountId bob;

    @BeforeAll
    static void database() {
        database = TestDatabase.create("rules");
    }

    @AfterEach
    void close() {
        if (ledger instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void books(String kind) {
        LedgerId id = new LedgerId(LEDGERS.incrementAndGet());
        ledger = kind.equals("memory") ? new InMemoryLedger(id, clock)
                : new PostgresLedger(database.dataSource(), id, "rules", clock);
        source = ledger.open(AccountSpec.unclassified("issuance", Asset.PT, AccountKind.EQUITY)).orThrow().id();
        alice = ledger.open(AccountSpec.unclassifiedWallet("wallet:alice", Asset.PT)).orThrow().id();
        bob = ledger.open(AccountSpec.unclassifiedWallet("wallet:bob", Asset.PT)).orThrow().id();
        assertPosted(EntryRequest.of("issue:alice", EntryKind.ISSUE, "staff:1",
                Leg.transfer(source, alice, Amount.pt(1000))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "postgres"})
    void malformedRequestsGetTheirCodeAndChangeNothing(String kind) {
        books(kind);
        Snapshot before = snapshot();
        for (var badCase : kyodo.ledger.model.BadRequestCases.all("bad:1", alice, bob)) {
            PostResult result = ledger.post(badCase.request());
            assertThat(result.code()).as(badCase.name()).isEqualTo(badCase.expected());
            assertThat(result.sequence()).as(badCase.name()).isZero();
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "postgres"})
    void rejectsWhatDoesNotFitTheBooksAndChangesNothing(String kind) {
        books(kind);
        AccountId yen = ledger.open(AccountSpec.unclassified("bank", Asset.JPY, AccountKind.ASSET)).orThrow().id();
        AccountId closed = ledger.open(AccountSpec.unclassifiedWallet("wallet:closed", Asset.PT)).orThrow().id();
        assertThat(ledger.close(closed).code()).isEqualTo(AccountResultCode.CLOSED);
        AccountId budget = ledger.open(AccountSpec.unclassified("budget", Asset.PT, AccountKind.ASSET,
                AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS)).orThrow().id();
        AccountId capped = ledger.open(AccountSpec.unclassifiedWallet("wallet:capped", Asset.PT).withBalanceLimit(50))
                .orThrow().id();
        Snapshot before = snapshot();

        assertRejected(transfer("r1", alice, new AccountId(999), 1), ResultCode.ACCOUNT_NOT_FOUND, 0);
        assertRejected(transfer("r2", alice, closed, 1), ResultCode.ACCOUNT_CLOSED, 0);
        assertRejected(transfer("r3", alice, yen, 1), ResultCode.ASSET_MISMATCH, 0);
        assertRejected(EntryRequest.of("r4", EntryKind.TRANSFER, "u", Leg.transfer(alice, bob, Amount.yen(1))),
                ResultCode.ASSET_MISMATCH, 0);
        assertRejected(transfer("r5", alice, bob, 1001), ResultCode.INSUFFICIENT_FUNDS, 0);
        assertRejected(transfer("r6", alice, budget, 1), ResultCode.CREDITS_EXCEED_DEBITS, 0);
        assertRejected(transfer("r7", alice, capped, 51), ResultCode.LIMIT_EXCEEDED, 0);
        assertRejected(transfer("r8", source, bob, Long.MAX_VALUE), ResultCode.AMOUNT_OVERFLOW, 0);
        // The first leg alone would be fine; the second fails, and the entry posts nothing at all.
        assertRejected(EntryRequest.of("r9", EntryKind.TRANSFER, "u",
                Leg.transfer(alice, bob, Amount.pt(600)), Leg.transfer(alice, bob, Amount.pt(600))),
                ResultCode.INSUFFICIENT_FUNDS, 1);
        // An entry cannot spend what only its own later leg brings in.
        assertRejected(EntryRequest.of("r10", EntryKind.TRANSFER, "u",
                Leg.transfer(bob, alice, Amount.pt(5)), Leg.transfer(source, bob, Amount.pt(5))),
                ResultCode.INSUFFICIENT_FUNDS, 0);
        assertRejected(EntryRequest.of("r11", EntryKind.SPEND, "u",
                Leg.postPending(new PendingId(new EntryKey("nothing"), 0))), ResultCode.PENDING_NOT_FOUND, 0);
        assertThat(snapshot()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "postgres"})
    void retriesReturnTheOriginalOutcomeAndReusedKeysAreRefused(String kind) {
        books(kind);
        PostResult first = ledger.post(transfer("pay:1", alice, bob, 10));
        PostResult retry = ledger.post(transfer("pay:1", alice, bob, 10));
        PostResult reuse = ledger.post(transfer("pay:1", alice, bob, 11));
        assertThat(first.code()).isEqualTo(ResultCode.POSTED);
        assertThat(retry).isEqualTo(PostResult.posted(first.key(), ResultCode.ALREADY_POSTED, first.sequence()));
        assertThat(reuse.code()).isEqualTo(ResultCode.KEY_REUSED_WITH_DIFFERENT_REQUEST);
        assertThat(ledger.balance(bob).orElseThrow().posted()).isEqualTo(10);
        assertThat(ledger.entry(new EntryKey("pay:1")).orElseThrow().sequence()).isEqualTo(first.sequence());
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "postgres"})
    void holdsCountAgainstAvailableAndArePostedPartiallyOrVoidedOnce(String kind) {
        books(kind);
        assertPosted(EntryRequest.of("hold:1", EntryKind.SPEND, "u",
                Leg.hold(alice, bob, Amount.pt(300), Duration.ofMinutes(10))));
        Balance held = ledger.balance(alice).orElseThrow();
        assertThat(held.posted()).isEqualTo(1000);
        assertThat(held.pendingOut()).isEqualTo(300);
        assertThat(held.available()).isEqualTo(700);
        assertThat(ledger.balance(bob).orElseThrow().pendingIn()).isEqualTo(300);
        assertRejected(transfer("too-much", alice, bob, 701), ResultCode.INSUFFICIENT_FUNDS, 0);

        PendingId hold = new PendingId(new EntryKey("hold:1"), 0);
        assertRejected(EntryRequest.of("over", EntryKind.SPEND, "u", Leg.postPending(hold, 301)),
                ResultCode.POST_AMOUNT_EXCEEDS_PENDING, 0);
        assertPosted(EntryRequest.of("capture:1", EntryKind.SPEND, "u", Leg.postPending(hold, 120)));
        assertThat(ledger.balance(alice).orElseThrow()).satisfies(b -> {
            assertThat(b.posted()).isEqualTo(880);
            assertThat(b.pendingOut()).isZero();
        });
        assertThat(ledger.balance(bob).orElseThrow().posted()).isEqualTo(120);
        assertRejected(EntryRequest.of("capture:2", EntryKind.SPEND, "u", Leg.postPending(hold)),
                ResultCode.PENDING_ALREADY_POSTED, 0);

        assertPosted(EntryRequest.of("hold:2", EntryKind.SPEND, "u", Leg.hold(alice, bob, Amount.pt(50), null)));
        PendingId second = new PendingId(new EntryKey("hold:2"), 0);
        assertPosted(EntryRequest.of("void:2", EntryKind.VOID, "u", Leg.voidPending(second)));
        assertRejected(EntryRequest.of("capture:3", EntryKind.SPEND, "u", Leg.postPending(second)),
                ResultCode.PENDING_ALREADY_VOIDED, 0);
        assertThat(ledger.balance(alice).orElseThrow().available()).isEqualTo(880);
        assertThat(ledger.close(alice).code()).isEqualTo(AccountResultCode.CLOSED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "postgres"})
    void expiredHoldsCannotBePostedAndTheSweepVoidsThemOnce(String kind) {
        books(kind);
        assertPosted(EntryRequest.of("hold:1", EntryKind.SPEND, "u",
                Leg.hold(alice, bob, Amount.pt(400), Duration.ofSeconds(60))));
        assertThat(ledger.close(alice).code()).isEqualTo(AccountResultCode.HAS_PENDING);
        assertThat(ledger.voidExpiredPendings(10)).isZero();
        clock.advance(Duration.ofSeconds(60));
        assertRejected(EntryRequest.of("late", EntryKind.SPEND, "u",
                Leg.postPending(new PendingId(new EntryKey("hold:1"), 0))), ResultCode.PENDING_EXPIRED, 0);
        assertThat(ledger.voidExpiredPendings(10)).isEqualTo(1);
        assertThat(ledger.voidExpiredPendings(10)).isZero();
        assertThat(ledger.balance(alice).orElseThrow().available()).isEqualTo(1000);
        assertThat(ledger.entry(new EntryKey("expire:2:0")).orElseThrow().kind()).isEqualTo(EntryKind.VOID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "postgres"})
    void accountsOpenOnceAndRefuseBadSpecs(String kind) {
        books(kind);
        assertThat(ledger.open(AccountSpec.unclassifiedWallet("wallet:alice", Asset.PT)).code())
                .isEqualTo(AccountResultCode.ALREADY_OPEN);
        assertThat(ledger.open(AccountSpec.unclassifiedWallet("wallet:alice", Asset.JPY)).code())
                .isEqualTo(AccountResultCode.CODE_TAKEN_WITH_DIFFERENT_SPEC);
        assertThat(ledger.open(AccountSpec.unclassifiedWallet("wallet:x", new Asset("EUR", 2))).code())
                .isEqualTo(AccountResultCode.UNKNOWN_ASSET);
        assertThat(ledger.open(AccountSpec.unclassified("x", Asset.PT, AccountKind.ASSET,
                AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS, AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS)).code())
                .isEqualTo(AccountResultCode.FLAGS_CONFLICT);
        assertThat(ledger.open(new AccountSpec(" padded", Asset.PT, AccountKind.ASSET,
                EnumSet.noneOf(AccountFlag.class), null, AccountClass.UNCLASSIFIED)).code())
                .isEqualTo(AccountResultCode.CODE_INVALID);
        assertThat(ledger.open(new AccountSpec("x", Asset.PT, AccountKind.ASSET, null, null,
                AccountClass.UNCLASSIFIED)).code()).isEqualTo(AccountResultCode.MISSING_FIELD);
        assertThat(ledger.open(new AccountSpec("x", Asset.PT, AccountKind.ASSET, EnumSet.noneOf(AccountFlag.class),
                null, null)).code()).isEqualTo(AccountResultCode.MISSING_FIELD);
        assertThat(ledger.open(AccountSpec.wallet("wallet:resident:1", Asset.PT,
                AccountClass.wallet(AccountOwner.resident(1)))).code())
                .as("a resident's wallet without its vintage").isEqualTo(AccountResultCode.CLASS_INVALID);
        assertThat(ledger.open(AccountSpec.unclassified("ward:x", Asset.PT, AccountKind.EQUITY).withClass(
                new AccountClass(new AccountOwner(AccountOwner.Kind.WARD, 7L), AccountPurpose.ISSUANCE, null, null)))
                .code()).as("the ward with an id").isEqualTo(AccountResultCode.CLASS_INVALID);
        assertThat(ledger.open(AccountSpec.unclassified("budget:x", Asset.PT, AccountKind.EQUITY).withClass(
                AccountClass.of(AccountOwner.WARD, AccountPurpose.BUDGET))).code())
                .as("a budget without its fiscal year").isEqualTo(AccountResultCode.CLASS_INVALID);
        assertThat(ledger.open(AccountSpec.unclassified("wallet:fund", Asset.PT, AccountKind.LIABILITY).withClass(
                AccountClass.wallet(AccountOwner.FUND))).code())
                .as("a wallet of no holder").isEqualTo(AccountResultCode.CLASS_INVALID);
        assertThat(ledger.open(AccountSpec.unclassifiedWallet("neg", Asset.PT).withBalanceLimit(-1)).code())
                .isEqualTo(AccountResultCode.LIMIT_INVALID);
        assertThat(ledger.close(new AccountId(999)).code()).isEqualTo(AccountResultCode.ACCOUNT_NOT_FOUND);
        ledger.registerAsset(new Asset("EUR", 2));
        assertThat(ledger.open(AccountSpec.unclassifiedWallet("wallet:eur", new Asset("EUR", 2))).code())
                .isEqualTo(AccountResultCode.OPENED);
        assertThat(ledger.account("wallet:alice").orElseThrow().id()).isEqualTo(alice);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "postgres"})
    void balancesAndTrialBalanceAsOfAPastMoment(String kind) {
        books(kind);
        Instant dayOne = clock.instant();
        clock.advance(Duration.ofDays(2));
        assertPosted(transfer("later", alice, bob, 250));
        assertThat(ledger.balance(alice, dayOne).orElseThrow().posted()).isEqualTo(1000);
        assertThat(ledger.balance(alice, clock.instant()).orElseThrow().posted()).isEqualTo(750);
        assertThat(ledger.balance(bob, dayOne).orElseThrow().posted()).isZero();
        assertThat(ledger.balance(alice, dayOne.minusSeconds(1)).orElseThrow().posted()).isZero();
        List<TrialBalance> trial = ledger.trialBalance(dayOne);
        assertThat(trial).allMatch(TrialBalance::balanced);
        assertThat(trial).filteredOn(t -> t.asset().equals(Asset.PT)).singleElement()
                .satisfies(t -> assertThat(t.debitsPosted()).isEqualTo(java.math.BigInteger.valueOf(1000)));
    }

    private EntryRequest transfer(String key, AccountId from, AccountId to, long amount) {
        return EntryRequest.of(key, EntryKind.TRANSFER, "resident:1", Leg.transfer(from, to, Amount.pt(amount)));
    }

    private void assertPosted(EntryRequest request) {
        assertThat(ledger.post(request).code()).as(request.key().value()).isEqualTo(ResultCode.POSTED);
    }

    private void assertRejected(EntryRequest request, ResultCode code, int leg) {
        PostResult result = ledger.post(request);
        assertThat(result).as(request.key().value()).isEqualTo(PostResult.rejected(request.key(), code, leg));
    }

    private record Snapshot(long sequence, List<TrialBalance> trial, List<Account> accounts) {
    }

    private Snapshot snapshot() {
        List<Account> accounts = new java.util.ArrayList<>();
        for (long id = 1; ledger.account(new AccountId(id)).isPresent(); id++) {
            accounts.add(ledger.account(new AccountId(id)).orElseThrow());
        }
        return new Snapshot(ledger.head().sequence(), ledger.trialBalance(clock.instant()), accounts);
    }
}
