package kyodo.wallet.simulation;

import kyodo.fund.access.UserId;
import kyodo.fund.directory.GroupId;
import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.ledger.testing.MutableClock;
import kyodo.wallet.TestSetup;
import kyodo.ledger.calendar.FiscalYear;
import kyodo.fund.access.Actor;
import kyodo.fund.access.Role;
import kyodo.fund.books.Field;
import kyodo.fund.directory.Directory;
import kyodo.ledger.Account;
import kyodo.ledger.AccountQuery;
import kyodo.ledger.EntryKey;
import kyodo.ledger.Ledger;
import kyodo.ledger.PostResult;
import kyodo.ledger.ResultCode;
import kyodo.ledger.TrialBalance;
import kyodo.ledger.testing.BooksAudit;
import kyodo.ledger.testing.TestDatabase;
import kyodo.wallet.account.WalletOwner;
import kyodo.fund.access.Actor;
import kyodo.fund.books.Field;
import kyodo.fund.directory.Directory;
import kyodo.wallet.TestSetup;
import kyodo.wallet.earning.Activity;
import kyodo.wallet.earning.ActivityBoard;
import kyodo.wallet.earning.Attendance;
import kyodo.wallet.earning.HoursDesk;
import kyodo.wallet.earning.IssuanceBudget;
import kyodo.wallet.earning.IssuanceRules;
import kyodo.wallet.earning.Issuer;
import kyodo.wallet.earning.Outcome;
import kyodo.wallet.expiry.ExpiryJob;
import kyodo.wallet.payment.Cashier;
import kyodo.wallet.payment.PaymentOutcome;
import kyodo.wallet.qr.QrCodes;
import kyodo.wallet.settlement.Settlement;
import kyodo.wallet.settlement.SettlementAccounts;
import kyodo.wallet.settlement.SettlementState;
import kyodo.wallet.settlement.Settlements;
import kyodo.wallet.settlement.Settler;
import kyodo.wallet.transfer.Sender;
import kyodo.wallet.user.MerchantId;
import kyodo.wallet.user.Merchants;
import kyodo.wallet.user.Registrar;
import kyodo.wallet.user.User;
import kyodo.wallet.voucher.Voucher;
import kyodo.wallet.voucher.VoucherAccounts;
import kyodo.wallet.voucher.VoucherDesk;
import kyodo.wallet.voucher.VoucherError;
import kyodo.wallet.voucher.VoucherQr;
import kyodo.wallet.voucher.VoucherState;
import kyodo.wallet.voucher.Vouchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded year of the currency against the real services on PostgreSQL, with a clock the test moves: 1,000
 * residents, 50 merchants and 20 groups; every week the coordinator of each group (a verified group of the fund
 * directory) posts an activity on the activity board, residents sign up, and after it ends the coordinator confirms
 * their hours at the hours desk, which issues the points (from the fiscal year's budget, within the daily and
 * monthly caps); residents who worked recently pay merchants, send points to each other and to groups, merchants
 * take paper vouchers and refund some sales; every month staff issue a voucher batch, the previous month is settled
 * and older settlements are paid; expiry of points and vouchers runs every week. Afterwards every point is
 * accounted for: issued = in wallets + vouchers outstanding + expired + settled, no wallet is below zero, the budget
 * was never exceeded, the books audit clean and the trial balance is zero.
 *
 * <p>The seed is printed; {@code -Dkyodo.sim.seed=<seed>} replays the same operations. Within a week, operations
 * that could depend on each other run in an order fixed by the seed (each payer's payments in one thread, transfers
 * one by one), so a replay decides them alike.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@Import(SimulationConfiguration.class)
class SimulatedYearTest {
    static final int RESIDENTS = 1_000;
    static final int MERCHANTS = 50;
    static final int GROUPS = 20;
    static final int WEEKS = 52;
    static final int ATTENDEES_PER_ACTIVITY = 4;
    static final int PAYMENTS_PER_WEEK = 40;
    static final int TRANSFERS_PER_WEEK = 8;
    static final int GIFTS_TO_GROUPS_PER_WEEK = 2;
    static final int REFUNDS_PER_WEEK = 2;
    static final int VOUCHERS_PER_MONTH = 30;
    static final int REDEMPTIONS_PER_WEEK = 5;
    static final long VOUCHER_DENOMINATION = 500;
    static final long BUDGET_POINTS = 4_000_000;
    static final long SETTLEMENT_BUDGET_YEN = 20_000_000;
    static final int THREADS = 8;
    static final int SIGNERS = 16;
    /** Each Tuesday's activities start this long after the clock and last {@link #ACTIVITY_HOURS} hours. */
    static final Duration ACTIVITY_STARTS_IN = Duration.ofHours(1);
    static final int ACTIVITY_HOURS = 4;
    /** Past the end of the activities, when coordinators confirm hours; Wednesday comes this much sooner. */
    static final Duration HOURS_CONFIRMED_AFTER = ACTIVITY_STARTS_IN.plusHours(ACTIVITY_HOURS + 1);
    /** Residents who worked in the last weeks are the ones with points to spend and give. */
    static final int RECENT_EARNERS_MAX = 300;
    private static final TestDatabase DATABASE = TestDatabase.create("wallet_simulation");
    private static final Path KEYS = TestSetup.keysDirectory("kyodo-sim-keys");
    private static final MutableClock CLOCK = SimulationConfiguration.CLOCK;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("kyodo.db.url", DATABASE::url);
        registry.add("kyodo.db.user", DATABASE::user);
        registry.add("kyodo.db.password", DATABASE::password);
        registry.add("kyodo.qr.key-directory", KEYS::toString);
        registry.add("kyodo.qr.base-url", () -> "https://kyodo.example");
        registry.add("kyodo.demo.enabled", () -> "false");
        registry.add("kyodo.payments.rate-burst", () -> "1000000");
        registry.add("kyodo.payments.rate-per-second", () -> "1000000");
        registry.add("kyodo.points.expiry-scheduled", () -> "false");
        registry.add("kyodo.journal.checkpoint-interval", () -> "1h");
    }

    @Autowired
    Registrar registrar;
    @Autowired
    Merchants merchants;
    @Autowired
    Ledger ledger;
    @Autowired
    Issuer issuer;
    @Autowired
    ActivityBoard board;
    @Autowired
    HoursDesk hoursDesk;
    @Autowired
    Directory directory;
    @Autowired
    IssuanceRules rules;
    @Autowired
    IssuanceBudget budget;
    @Autowired
    ExpiryJob expiryJob;
    @Autowired
    Cashier cashier;
    @Autowired
    QrCodes qrCodes;
    @Autowired
    Sender sender;
    @Autowired
    VoucherDesk voucherDesk;
    @Autowired
    Vouchers vouchers;
    @Autowired
    VoucherQr voucherQr;
    @Autowired
    Settler settler;
    @Autowired
    Settlements settlements;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    /** What the simulation did, counted as it went (only operations the books accepted). */
    static final class Tally {
        final AtomicLong issued = new AtomicLong();
        final AtomicLong issues = new AtomicLong();
        final AtomicLong vouchersIssued = new AtomicLong();
        final AtomicLong payments = new AtomicLong();
        final AtomicLong paymentsRefused = new AtomicLong();
        final AtomicLong transfers = new AtomicLong();
        final AtomicLong redemptions = new AtomicLong();
        final AtomicLong refunds = new AtomicLong();
        final AtomicLong settlements = new AtomicLong();
        final AtomicLong paid = new AtomicLong();
        final long[] phaseNanos = new long[7];

        String phases() {
            String[] names = {"month-end", "expiry", "issue", "pay", "transfer", "vouchers", "refunds"};
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < names.length; i++) {
                text.append(names[i]).append(' ').append(phaseNanos[i] / 1_000_000).append(" ms ");
            }
            return text.toString();
        }

        @Override
        public String toString() {
            return "issues " + issues + " (" + issued + " pt), voucher points " + vouchersIssued + ", payments "
                    + payments + " (refused " + paymentsRefused + "), transfers " + transfers + ", redemptions "
                    + redemptions + ", refunds " + refunds + ", settlements " + settlements + ", paid " + paid;
        }
    }

    @Test
    void aYearOfTheCurrencyKeepsEveryPointAccountedFor() throws Exception {
        long seed = Long.getLong("kyodo.sim.seed", new SecureRandom().nextLong());
        System.out.println("SimulatedYearTest seed " + seed + " (replay with -Dkyodo.sim.seed=" + seed + ")");
        try {
            simulate(new Random(seed));
        } catch (Throwable failure) {
            throw new AssertionError("the simulated year failed with seed " + seed + "; replay with -Dkyodo.sim.seed="
                    + seed + ": " + failure.getMessage(), failure);
        }
    }

    private void simulate(Random random) throws Exception {
        long started = System.nanoTime();
        User staffMember = registrar.createUser("sim-staff", "職員", "sim-password", Role.STAFF).user();
        UserId staff = staffMember.userId();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        // residents sign up on more threads than the pool has connections: sign-up must never hold one
        // connection while it waits for another
        ExecutorService signers = Executors.newFixedThreadPool(SIGNERS);
        List<Future<UserId>> signedUp = new ArrayList<>(RESIDENTS);
        for (int i = 0; i < RESIDENTS; i++) {
            String name = "resident" + i;
            signedUp.add(signers.submit(
                    () -> registrar.signUpResident(name, "住民 " + name, "sim-password").user().userId()));
        }
        List<UserId> residents = new ArrayList<>(RESIDENTS);
        for (Future<UserId> resident : signedUp) {
            residents.add(resident.get());
        }
        signers.shutdown();
        List<MerchantId> shops = new ArrayList<>(MERCHANTS);
        for (int i = 0; i < MERCHANTS; i++) {
            shops.add(TestSetup.approvedShop(registrar, merchants, staff, "shop" + i, "sim-password", "商店 " + i).id());
        }
        // each group is one verified group of the registry: it receives gifts into its wallet, and its
        // coordinator posts activities and confirms hours
        List<User> coordinators = new ArrayList<>(GROUPS);
        List<GroupId> groups = new ArrayList<>(GROUPS);
        List<Long> ratePerHour = new ArrayList<>(GROUPS);
        Actor ward = staffMember.actor();
        for (int i = 0; i < GROUPS; i++) {
            User coordinator = registrar.createUser("coordinator" + i, "代表 " + i, "sim-password",
                    Role.GROUP_COORDINATOR).user();
            coordinators.add(coordinator);
            kyodo.fund.directory.Group group = directory.register(coordinator.actor(),
                    new Directory.Registration("ボランティア団体 " + i, "VOLUNTARY", "代表 " + i,
                            "group" + i + "@example.jp", Field.COMMUNITY.code(), "", List.of()));
            directory.decide(ward, group.id(), true, "規約と代表者の本人確認書類を確認");
            groups.add(group.id());
            ratePerHour.add(80 + 10L * random.nextInt(8));
        }
        // the rules in force admit a whole activity a day and a resident working every week of a month
        assertThat(rules.current().minutesPerDayMax()).isGreaterThanOrEqualTo(ACTIVITY_HOURS * 60);
        assertThat(rules.current().pointsPerMonthMax()).isGreaterThanOrEqualTo(
                5L * ACTIVITY_HOURS * ratePerHour.stream().mapToLong(Long::longValue).max().orElseThrow());
        FiscalYear year = FiscalYear.containing(today());
        assertThat(budget.raise(year, BUDGET_POINTS, "staff:" + staff.value(), QrCodes.nonce()).onTheBooks()).isTrue();
        assertThat(settler.addBudget(year.year(), Long.toString(SETTLEMENT_BUDGET_YEN), QrCodes.nonce(), staff))
                .isEmpty();
        System.out.printf("SimulatedYearTest: people and shops in %d ms%n", (System.nanoTime() - started) / 1_000_000);

        Tally tally = new Tally();
        List<UserId> earners = new ArrayList<>();
        List<Voucher> unredeemed = new ArrayList<>();
        List<Voucher> redeemed = new ArrayList<>();
        List<long[]> recentSales = new ArrayList<>(); // {paymentId, merchantId, amount}
        YearMonth lastBatchMonth = null;
        YearMonth nextToSettle = YearMonth.from(today());
        try {
            for (int week = 0; week < WEEKS; week++) {
                // Monday: month-end work, then the week's expiry runs
                long mark = System.nanoTime();
                YearMonth month = YearMonth.from(today());
                nextToSettle = settleMonthsOver(nextToSettle, staff, tally);
                if (!month.equals(lastBatchMonth)) {
                    VoucherDesk.Issued batch = voucherDesk.issue(staff, VOUCHER_DENOMINATION, VOUCHERS_PER_MONTH,
                            today().plusDays(45), QrCodes.nonce());
                    assertThat(batch.error()).isNull();
                    tally.vouchersIssued.addAndGet(batch.batch().total());
                    unredeemed.addAll(vouchers.ofBatch(batch.batch().id()));
                    lastBatchMonth = month;
                }
                mark = lap(tally, 0, mark);
                expiryJob.run();
                voucherDesk.expire();
                unredeemed.removeIf(v -> v.expiresOn().isBefore(today()));

                mark = lap(tally, 1, mark);
                // Tuesday: each group's coordinator posts an activity, the picked residents sign up (nobody at two
                // activities), and after it ends the coordinator confirms their hours, issuing the points
                CLOCK.advance(Duration.ofDays(1));
                LocalDateTime starts = LocalDateTime.ofInstant(CLOCK.instant().plus(ACTIVITY_STARTS_IN),
                        BusinessCalendar.ZONE).withSecond(0).withNano(0);
                List<UserId> workers = pick(random, residents, GROUPS * ATTENDEES_PER_ACTIVITY);
                earners.addAll(workers);
                List<Future<Activity>> posted = new ArrayList<>(GROUPS);
                for (int g = 0; g < GROUPS; g++) {
                    User coordinator = coordinators.get(g);
                    ActivityBoard.Posting posting = new ActivityBoard.Posting(groups.get(g).value(),
                            "活動 第" + (week + 1) + "週", "地域の清掃と見守り", "区民センター " + g, starts.toString(),
                            starts.plusHours(ACTIVITY_HOURS).toString(), Integer.toString(ATTENDEES_PER_ACTIVITY),
                            Long.toString(ratePerHour.get(g)));
                    List<UserId> attendees = attendeesOf(workers, g);
                    posted.add(pool.submit(() -> {
                        Outcome<Activity> activity = board.post(coordinator, posting);
                        assertThat(activity.error()).as("posting of group " + posting.groupId()).isNull();
                        for (UserId resident : attendees) {
                            assertThat(board.signUp(resident, activity.value().id()).error())
                                    .as("sign-up of " + resident).isNull();
                        }
                        return activity.value();
                    }));
                }
                List<Activity> activities = new ArrayList<>(GROUPS);
                for (Future<Activity> activity : posted) {
                    activities.add(activity.get());
                }
                CLOCK.advance(HOURS_CONFIRMED_AFTER);
                List<Future<?>> work = new ArrayList<>();
                for (int g = 0; g < GROUPS; g++) {
                    User coordinator = coordinators.get(g);
                    Activity activity = activities.get(g);
                    List<UserId> attendees = attendeesOf(workers, g);
                    List<String> hours = attendees.stream()
                            .map(r -> Integer.toString(1 + random.nextInt(ACTIVITY_HOURS))).toList();
                    work.add(pool.submit(() -> {
                        for (int i = 0; i < attendees.size(); i++) {
                            Outcome<Attendance> confirmed = hoursDesk.confirm(coordinator, activity.id(),
                                    attendees.get(i), hours.get(i));
                            assertThat(confirmed.error()).as("hours of " + attendees.get(i) + " at " + activity.id())
                                    .isNull();
                            assertThat(confirmed.value().points())
                                    .isEqualTo(Long.parseLong(hours.get(i)) * activity.pointsPerHour());
                            tally.issued.addAndGet(confirmed.value().points());
                            tally.issues.incrementAndGet();
                        }
                    }));
                }
                await(work);
                if (earners.size() > RECENT_EARNERS_MAX) {
                    earners.subList(0, earners.size() - RECENT_EARNERS_MAX).clear();
                }
                assertBudgetNotExceeded(year);
                if (week == WEEKS / 2) {
                    refuseIssuanceBeyondTheBudget(year, residents.get(0));
                }

                mark = lap(tally, 2, mark);
                // Wednesday: residents pay shops (each payer's payments in order, in one thread)
                CLOCK.advance(Duration.ofDays(1).minus(HOURS_CONFIRMED_AFTER));
                Map<UserId, List<long[]>> byPayer = new LinkedHashMap<>();
                for (int i = 0; i < PAYMENTS_PER_WEEK; i++) {
                    UserId payer = earners.get(random.nextInt(earners.size()));
                    byPayer.computeIfAbsent(payer, p -> new ArrayList<>())
                            .add(new long[]{shops.get(random.nextInt(MERCHANTS)).value(), 50 + random.nextInt(550)});
                }
                List<Future<List<long[]>>> sales = new ArrayList<>();
                for (Map.Entry<UserId, List<long[]>> payer : byPayer.entrySet()) {
                    List<String> intents = payer.getValue().stream().map(p -> QrCodes.nonce()).toList();
                    sales.add(pool.submit(() -> {
                        List<long[]> made = new ArrayList<>();
                        for (int i = 0; i < payer.getValue().size(); i++) {
                            long[] purchase = payer.getValue().get(i);
                            PaymentOutcome outcome = cashier.pay(payer.getKey(),
                                    qrCodes.url(qrCodes.storeQr(new MerchantId(purchase[0]))),
                                    Long.toString(purchase[1]), intents.get(i));
                            if (outcome.ok()) {
                                tally.payments.incrementAndGet();
                                made.add(new long[]{outcome.payment().id(), purchase[0], purchase[1]});
                            } else {
                                assertThat(outcome.error().name()).isEqualTo("INSUFFICIENT_FUNDS");
                                tally.paymentsRefused.incrementAndGet();
                            }
                        }
                        return made;
                    }));
                }
                recentSales.clear();
                for (Future<List<long[]>> made : sales) {
                    recentSales.addAll(made.get());
                }

                mark = lap(tally, 3, mark);
                // Thursday: mutual help between residents and gifts to groups, one by one
                CLOCK.advance(Duration.ofDays(1));
                for (int i = 0; i < TRANSFERS_PER_WEEK + GIFTS_TO_GROUPS_PER_WEEK; i++) {
                    UserId from = earners.get(random.nextInt(earners.size()));
                    boolean toGroup = i >= TRANSFERS_PER_WEEK;
                    WalletOwner to = toGroup ? WalletOwner.group(groups.get(random.nextInt(GROUPS)))
                            : WalletOwner.resident(residents.get(random.nextInt(RESIDENTS)));
                    if (to.equals(WalletOwner.resident(from))) {
                        continue;
                    }
                    Sender.Sent sent = sender.send(from, to,
                            Long.toString(10 + random.nextInt(300)), "ありがとう", QrCodes.nonce());
                    if (sent.ok()) {
                        tally.transfers.incrementAndGet();
                    } else {
                        assertThat(sent.error().name()).isEqualTo("INSUFFICIENT_FUNDS");
                    }
                }

                mark = lap(tally, 4, mark);
                // Friday: shops take paper vouchers (each voucher at one shop), and a used one is refused
                CLOCK.advance(Duration.ofDays(1));
                List<Future<?>> redemptions = new ArrayList<>();
                unredeemed.removeIf(v -> v.expiresOn().isBefore(today()));
                for (int i = 0; i < REDEMPTIONS_PER_WEEK && !unredeemed.isEmpty(); i++) {
                    Voucher voucher = unredeemed.remove(random.nextInt(unredeemed.size()));
                    MerchantId shop = shops.get(random.nextInt(MERCHANTS));
                    String token = voucherQr.token(voucher.serial(), voucher.amount(), voucher.expiresOn());
                    redemptions.add(pool.submit(() -> {
                        assertThat(voucherDesk.redeem(shop, token).error()).isNull();
                        tally.redemptions.incrementAndGet();
                    }));
                    redeemed.add(voucher);
                }
                await(redemptions);
                if (!redeemed.isEmpty()) {
                    Voucher again = redeemed.get(random.nextInt(redeemed.size()));
                    long head = ledger.head().sequence();
                    assertThat(voucherDesk.redeem(shops.get(random.nextInt(MERCHANTS)), again.serial().grouped())
                            .error()).isIn(VoucherError.VOUCHER_ALREADY_REDEEMED, VoucherError.VOUCHER_EXPIRED);
                    assertThat(ledger.head().sequence()).isEqualTo(head);
                }

                mark = lap(tally, 5, mark);
                // Saturday: a few refunds of this week's sales
                CLOCK.advance(Duration.ofDays(1));
                for (int i = 0; i < REFUNDS_PER_WEEK && !recentSales.isEmpty(); i++) {
                    long[] sale = recentSales.remove(random.nextInt(recentSales.size()));
                    PaymentOutcome refund = cashier.refund(new MerchantId(sale[1]), sale[0],
                            Long.toString(1 + random.nextInt((int) sale[2])), QrCodes.nonce());
                    if (refund.ok()) {
                        tally.refunds.incrementAndGet();
                    }
                }

                if (week % 13 == 12) {
                    System.out.printf("SimulatedYearTest: week %d done at %d ms (%s)%n", week + 1,
                            (System.nanoTime() - started) / 1_000_000, tally.phases());
                }
                lap(tally, 6, mark);
                // to next Monday 09:00
                CLOCK.advance(Duration.ofDays(2));
            }
            // after the year: settle what is over, expire, and run both jobs again to see they change nothing
            settleMonthsOver(nextToSettle, staff, tally);
            expiryJob.run();
            voucherDesk.expire();
            long head = ledger.head().sequence();
            assertThat(expiryJob.run().vintagesSwept()).isZero();
            assertThat(voucherDesk.expire()).isZero();
            assertThat(ledger.head().sequence()).isEqualTo(head);
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("SimulatedYearTest: %s; %d entries in %d ms%n", tally, ledger.head().sequence(),
                (System.nanoTime() - started) / 1_000_000);
        checkTheBooks(tally, year);
    }

    private static long lap(Tally tally, int phase, long since) {
        long now = System.nanoTime();
        tally.phaseNanos[phase] += now - since;
        return now;
    }

    /** Settles every month that is over and not yet settled; pays the settlements of the month before it. */
    private YearMonth settleMonthsOver(YearMonth next, UserId staff, Tally tally) {
        YearMonth month = next;
        while (!CLOCK.instant().isBefore(month.plusMonths(1).atDay(1).atStartOfDay(BusinessCalendar.ZONE)
                .toInstant())) {
            Settler.Run run = settler.settle(month, staff);
            assertThat(run.error()).isNull();
            for (Settler.Line line : run.lines()) {
                assertThat(line.error()).as("settlement of " + line.merchant().id()).isNull();
                assertThat(line.settlement().posted()).isTrue();
            }
            tally.settlements.addAndGet(run.lines().size());
            for (Settlement earlier : settlements.ofMonth(month.minusMonths(1))) {
                if (earlier.state() == SettlementState.PAYABLE) {
                    assertThat(settler.markPaid(earlier.id(), staff)).isEmpty();
                    tally.paid.incrementAndGet();
                }
            }
            month = month.plusMonths(1);
        }
        return month;
    }

    private void refuseIssuanceBeyondTheBudget(FiscalYear year, UserId resident) {
        long left = ledger.balance(budget.account(year)).orElseThrow().available();
        long head = ledger.head().sequence();
        PostResult beyond = issuer.issue(WalletOwner.resident(resident), left + 1,
                new EntryKey("sim:beyond-budget"), Issuer.ISSUE, "coordinator", "beyond the budget", null);
        assertThat(beyond.code()).isEqualTo(ResultCode.INSUFFICIENT_FUNDS);
        assertThat(ledger.head().sequence()).isEqualTo(head);
    }

    private void assertBudgetNotExceeded(FiscalYear year) {
        Account account = ledger.account(budget.account(year)).orElseThrow();
        assertThat(account.totals().debitsPosted()).isLessThanOrEqualTo(account.totals().creditsPosted());
    }

    private void checkTheBooks(Tally tally, FiscalYear year) {
        assertThat(BooksAudit.problems(dataSource, ledger)).isEmpty();
        for (TrialBalance balance : ledger.trialBalance(CLOCK.instant())) {
            assertThat(balance.balanced()).as("trial balance of " + balance.asset()).isTrue();
        }
        List<Account> budgets = accountsByCode("budget:pt:");
        List<Account> walletAccounts = accountsByCode("wallet:");
        long issued = budgets.stream().mapToLong(a -> a.totals().debitsPosted()).sum();
        long budgetCredited = budgets.stream().mapToLong(a -> a.totals().creditsPosted()).sum();
        long inWallets = walletAccounts.stream().mapToLong(SimulatedYearTest::credited).sum();
        long inMerchantWallets = accountsByCode("wallet:merchant:").stream().mapToLong(SimulatedYearTest::credited)
                .sum();
        long walletsBelowZero = walletAccounts.stream().filter(a -> credited(a) < 0).count();
        long outstanding = balance(VoucherAccounts.OUTSTANDING);
        long expired = balance(VoucherAccounts.EXPIRED);
        long settled = balance(SettlementAccounts.SETTLED);

        assertThat(issued).isEqualTo(tally.issued.get() + tally.vouchersIssued.get());
        assertThat(issued).as("issued = in wallets + vouchers outstanding + expired + settled")
                .isEqualTo(inWallets + outstanding + expired + settled);
        assertThat(issued).as("issued = spent (settled or held by shops) + expired + outstanding (wallets, vouchers)")
                .isEqualTo((settled + inMerchantWallets) + expired + (inWallets - inMerchantWallets + outstanding));
        assertThat(walletsBelowZero).isZero();
        assertThat(issued).isLessThanOrEqualTo(budgetCredited);
        assertBudgetNotExceeded(year);

        Map<VoucherState, long[]> byState = vouchers.totalsByState();
        assertThat(outstanding).isEqualTo(byState.get(VoucherState.OUTSTANDING)[1]);
        assertThat(sum("select count(*) from voucher where state <> 'OUTSTANDING' and not posted")).isZero();
        assertThat(byState.get(VoucherState.REDEEMED)[0]).isEqualTo(tally.redemptions.get());
        long settledPoints = sum("select coalesce(sum(points), 0) from settlement");
        long settledYen = sum("select coalesce(sum(yen), 0) from settlement");
        long paidYen = sum("select coalesce(sum(yen), 0) from settlement where state = 'PAID'");
        assertThat(settled).isEqualTo(settledPoints);
        long payable = accountsByCode("settlement:payable:merchant:").stream()
                .mapToLong(SimulatedYearTest::credited).sum();
        assertThat(payable + paidYen).isEqualTo(settledYen);
        assertThat(-balance(SettlementAccounts.PAID)).isEqualTo(paidYen);

        // the year did what it says: nothing above holds vacuously
        assertThat(tally.issues.get()).isEqualTo((long) WEEKS * GROUPS * ATTENDEES_PER_ACTIVITY);
        assertThat(tally.payments.get()).isPositive();
        assertThat(tally.transfers.get()).isPositive();
        assertThat(tally.redemptions.get()).isPositive();
        assertThat(byState.get(VoucherState.EXPIRED)[0]).isPositive();
        assertThat(expired).isGreaterThan(byState.get(VoucherState.EXPIRED)[1]);
        assertThat(settled).isPositive();
        assertThat(tally.paid.get()).isPositive();
    }

    private long balance(String code) {
        return ledger.account(code).map(a -> a.balance().posted()).orElse(0L);
    }

    /** Every account whose code starts with {@code prefix}, read through the ledger a page at a time. */
    private List<Account> accountsByCode(String prefix) {
        List<Account> found = new ArrayList<>();
        String after = "";
        while (true) {
            List<Account> page = ledger.accounts(AccountQuery.all().codePrefix(prefix), after,
                    Ledger.ACCOUNTS_PAGE_MAX);
            found.addAll(page);
            if (page.size() < Ledger.ACCOUNTS_PAGE_MAX) {
                return found;
            }
            after = page.get(page.size() - 1).code();
        }
    }

    /** Posted credits less posted debits: a liability's posted balance, by the totals the ledger keeps. */
    private static long credited(Account account) {
        return account.totals().creditsPosted() - account.totals().debitsPosted();
    }

    private long sum(String sql, Object... arguments) {
        Long value = jdbc.queryForObject(sql, Long.class, arguments);
        return value == null ? 0 : value;
    }

    private static LocalDate today() {
        return BusinessCalendar.dayOf(CLOCK.instant());
    }

    private static List<UserId> pick(Random random, List<UserId> from, int count) {
        List<UserId> picked = new ArrayList<>(count);
        while (picked.size() < count) {
            UserId candidate = from.get(random.nextInt(from.size()));
            if (!picked.contains(candidate)) {
                picked.add(candidate);
            }
        }
        return picked;
    }

    /** The {@code group}'s share of the week's workers. */
    private static List<UserId> attendeesOf(List<UserId> workers, int group) {
        return workers.subList(group * ATTENDEES_PER_ACTIVITY, (group + 1) * ATTENDEES_PER_ACTIVITY);
    }

    private static void await(List<Future<?>> work) throws Exception {
        for (Future<?> future : work) {
            future.get();
        }
    }

}
