package kyodo.wallet.settlement;

import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.ledger.calendar.FiscalYear;
import kyodo.fund.access.UserId;
import kyodo.ledger.AccountId;
import kyodo.ledger.Amount;
import kyodo.ledger.Balance;
import kyodo.ledger.EntryKey;
import kyodo.ledger.EntryKind;
import kyodo.ledger.EntryRequest;
import kyodo.ledger.Leg;
import kyodo.ledger.Ledger;
import kyodo.ledger.PostResult;
import kyodo.wallet.account.WalletOwner;
import kyodo.wallet.account.Wallets;
import kyodo.wallet.user.Merchant;
import kyodo.wallet.user.MerchantStatus;
import kyodo.wallet.user.Merchants;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Settles merchants' points into yen, once per merchant and month.
 *
 * <p>What is settled: the merchant's points as of the end of the month (Asia/Tokyo), capped by what the wallet holds
 * when the settlement runs (a refund after the month's end may have lowered it). Points earned after the month's end
 * stay for the next month. Yen are {@code floor(points × rate)} ({@link YenRate}).
 *
 * <p>One SETTLE entry retires the points ({@code wallet:merchant:<id>} → {@code settled:pt}) and makes the yen
 * payable from the program budget ({@code settlement:budget:jpy:<fy>} → {@code settlement:payable:merchant:<id>}),
 * so neither happens without the other. The settlement row is recorded first (unique per merchant and month) and
 * the entry's key is derived from it, so running the month again, or twice at once, settles once; a row whose entry
 * was refused (the budget ran out) is posted again by the next run.
 */
@Component
public class Settler {
    static final EntryKind SETTLE = EntryKind.SETTLE;
    static final EntryKind SETTLE_PAY = new EntryKind("SETTLE_PAY");
    static final EntryKind BUDGET = new EntryKind("BUDGET");
    public static final Pattern INTENT = Pattern.compile("[A-Za-z0-9_-]{16,32}");
    /** The most yen staff may add to a budget in one step: a typo should not appropriate a fortune. */
    public static final long BUDGET_STEP_MAX = 10_000_000_000L;

    private final Ledger ledger;
    private final Wallets wallets;
    private final Merchants merchants;
    private final Settlements settlements;
    private final SettlementAccounts accounts;
    private final SettlementProperties properties;
    private final Clock clock;

    public Settler(Ledger ledger, Wallets wallets, Merchants merchants, Settlements settlements,
                   SettlementAccounts accounts, SettlementProperties properties, Clock clock) {
        this.ledger = ledger;
        this.wallets = wallets;
        this.merchants = merchants;
        this.settlements = settlements;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    /** One merchant's line in a run: the settlement, or why it is not (yet) on the books. */
    public record Line(Merchant merchant, Settlement settlement, SettlementError error) {
    }

    public record Run(YearMonth month, List<Line> lines, SettlementError error) {
        public boolean ok() {
            return error == null;
        }
    }

    /** A month as typed ({@code 2026-11}); empty if it is not one. */
    public static Optional<YearMonth> month(String text) {
        try {
            YearMonth month = YearMonth.parse(text == null ? "" : text.strip());
            return month.getYear() < FiscalYear.YEAR_MIN || month.getYear() > FiscalYear.YEAR_MAX ? Optional.empty()
                    : Optional.of(month);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Instant startOf(YearMonth month) {
        return month.atDay(1).atStartOfDay(BusinessCalendar.ZONE).toInstant();
    }

    /** Settles every approved merchant's points for {@code month}, which must be over. */
    public Run settle(YearMonth month, UserId staffId) {
        Instant end = startOf(month.plusMonths(1));
        if (clock.instant().isBefore(end)) {
            return new Run(month, List.of(), SettlementError.MONTH_NOT_OVER);
        }
        YenRate rate = properties.rate();
        List<Line> lines = new ArrayList<>();
        for (Merchant merchant : merchants.findByStatusOrderById(MerchantStatus.APPROVED)) {
            Optional<Settlement> existing = settlements.find(merchant.id(), month);
            if (existing.isEmpty()) {
                Optional<AccountId> wallet = wallets.find(WalletOwner.merchant(merchant.id()));
                if (wallet.isEmpty()) {
                    continue;
                }
                // the balance after everything up to the last microsecond of the month (timestamps are microseconds)
                long atMonthEnd = ledger.balance(wallet.get(), end.minusNanos(1_000)).map(Balance::posted).orElse(0L);
                long now = ledger.balance(wallet.get()).map(Balance::available).orElse(0L);
                long points = Math.min(atMonthEnd, now);
                if (points <= 0) {
                    continue;
                }
                settlements.insert(merchant.id(), month, points, rate.yen(points), rate.toString(),
                        "settle:" + merchant.merchantId().value() + ":" + month, clock.instant());
                existing = settlements.find(merchant.id(), month);
            }
            Settlement settlement = existing.orElseThrow();
            SettlementError error = settlement.posted() ? null : post(settlement);
            lines.add(new Line(merchant, settlements.findById(settlement.id()).orElseThrow(), error));
        }
        return new Run(month, lines, null);
    }

    private SettlementError post(Settlement settlement) {
        int fiscalYear = FiscalYear.containing(settlement.monthStart()).year();
        List<Leg> legs = new ArrayList<>(2);
        legs.add(Leg.transfer(wallets.open(WalletOwner.merchant(settlement.merchantId())), accounts.settled(),
                Amount.pt(settlement.points())));
        if (settlement.yen() > 0) {
            legs.add(Leg.transfer(accounts.budget(fiscalYear), accounts.payable(settlement.merchantId()),
                    Amount.yen(settlement.yen())));
        }
        PostResult result = ledger.post(new EntryRequest(new EntryKey(settlement.entryKey()), SETTLE, "system",
                "精算 " + settlement.month() + " " + settlement.points() + " pt × " + settlement.rate(), null, legs));
        if (!result.onTheBooks()) {
            return switch (result.code()) {
                case INSUFFICIENT_FUNDS -> result.leg() == 1 ? SettlementError.BUDGET_INSUFFICIENT
                        : SettlementError.POINTS_INSUFFICIENT;
                default -> SettlementError.LEDGER_REFUSED;
            };
        }
        settlements.markPosted(settlement.id());
        return null;
    }

    /** Staff record that the yen were transferred: the payable is paid (SETTLE_PAY), once. */
    public Optional<SettlementError> markPaid(long settlementId, UserId staffId) {
        Optional<Settlement> found = settlements.findById(settlementId);
        if (found.isEmpty()) {
            return Optional.of(SettlementError.SETTLEMENT_NOT_FOUND);
        }
        if (!found.get().posted()) {
            return Optional.of(SettlementError.NOT_POSTED);
        }
        if (settlements.claimPaid(settlementId, staffId, clock.instant()) == 0) {
            Settlement now = settlements.findById(settlementId).orElseThrow();
            if (now.paidPosted()) {
                return Optional.of(SettlementError.ALREADY_PAID);
            }
        }
        return postPayment(settlements.findById(settlementId).orElseThrow());
    }

    private Optional<SettlementError> postPayment(Settlement settlement) {
        if (settlement.yen() > 0) {
            PostResult result = ledger.post(new EntryRequest(new EntryKey(settlement.paidEntryKey()), SETTLE_PAY,
                    settlement.paidBy().journalActor(), "精算支払 " + settlement.month(), null,
                    List.of(Leg.transfer(accounts.payable(settlement.merchantId()), accounts.paid(),
                            Amount.yen(settlement.yen())))));
            if (!result.onTheBooks()) {
                return Optional.of(SettlementError.LEDGER_REFUSED);
            }
        }
        settlements.markPaidPosted(settlement.id());
        return Optional.empty();
    }

    /** Posts settlements and payments whose rows were recorded but whose entries are not known to be on the books. */
    public int finishPostings() {
        int done = 0;
        for (Settlement settlement : settlements.unposted()) {
            if (!settlement.posted()) {
                done += post(settlement) == null ? 1 : 0;
            } else if (settlement.state() == SettlementState.PAID) {
                done += postPayment(settlement).isEmpty() ? 1 : 0;
            }
        }
        return done;
    }

    /** Staff add yen to a fiscal year's settlement budget (from the ward's appropriation), once per intent. */
    public Optional<SettlementError> addBudget(int fiscalYear, String yenInput, String intent, UserId staffId) {
        if (fiscalYear < FiscalYear.YEAR_MIN || fiscalYear > FiscalYear.YEAR_MAX) {
            return Optional.of(SettlementError.MONTH_INVALID);
        }
        long yen;
        try {
            yen = Long.parseLong(yenInput == null ? "" : yenInput.strip());
        } catch (NumberFormatException e) {
            return Optional.of(SettlementError.AMOUNT_INVALID);
        }
        if (yen <= 0 || yen > BUDGET_STEP_MAX) {
            return Optional.of(SettlementError.AMOUNT_INVALID);
        }
        if (intent == null || !INTENT.matcher(intent).matches()) {
            return Optional.of(SettlementError.INTENT_INVALID);
        }
        PostResult result = ledger.post(new EntryRequest(new EntryKey("settlement:budget:" + fiscalYear + ":" + intent),
                BUDGET, staffId.journalActor(), "精算予算 " + fiscalYear + "年度", null,
                List.of(Leg.transfer(accounts.appropriation(), accounts.budget(fiscalYear), Amount.yen(yen)))));
        return result.onTheBooks() ? Optional.empty() : Optional.of(SettlementError.LEDGER_REFUSED);
    }

    /** What is left of a fiscal year's settlement budget, in yen. */
    public long budgetLeft(int fiscalYear) {
        return ledger.balance(accounts.budget(fiscalYear)).map(Balance::available).orElse(0L);
    }

    public static LocalDate today(Clock clock) {
        return BusinessCalendar.dayOf(clock.instant());
    }
}
