package kyodo.wallet.earning;

import kyodo.ledger.calendar.FiscalYear;
import kyodo.fund.access.Role;
import kyodo.ledger.PostResult;
import kyodo.ledger.ResultCode;
import kyodo.wallet.payment.Cashier;
import kyodo.wallet.user.User;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;

/** What staff set: the fiscal year's issuance budget (raised, never lowered) and the issuance rules. */
@Component
public class IssuanceSettings {
    private final IssuanceBudget budget;
    private final IssuanceRules rules;
    private final Clock clock;

    public IssuanceSettings(IssuanceBudget budget, IssuanceRules rules, Clock clock) {
        this.budget = budget;
        this.rules = rules;
        this.clock = clock;
    }

    /** Adds {@code amount} points to the fiscal year's budget; the same {@code intent} again adds nothing more. */
    public Outcome<IssuanceBudget.Status> raiseBudget(User staff, String fiscalYear, String amount, String intent) {
        if (!isStaff(staff)) {
            return Outcome.refused(EarningError.NOT_STAFF);
        }
        Optional<Long> year = ActivityBoard.number(fiscalYear);
        if (year.isEmpty() || year.get() < FiscalYear.YEAR_MIN || year.get() > FiscalYear.YEAR_MAX) {
            return Outcome.refused(EarningError.FISCAL_YEAR_INVALID);
        }
        Optional<Long> points = ActivityBoard.number(amount);
        if (points.isEmpty() || points.get() <= 0 || points.get() > IssuanceBudget.RAISE_MAX) {
            return Outcome.refused(EarningError.BUDGET_AMOUNT_INVALID);
        }
        if (intent == null || !Cashier.INTENT.matcher(intent).matches()) {
            return Outcome.refused(EarningError.QR_MALFORMED);
        }
        FiscalYear fy = new FiscalYear(year.get().intValue());
        PostResult result = budget.raise(fy, points.get(), staff.userId().journalActor(), intent);
        if (!result.onTheBooks()) {
            return Outcome.refused(result.code() == ResultCode.KEY_REUSED_WITH_DIFFERENT_REQUEST
                    ? EarningError.BUDGET_AMOUNT_INVALID : EarningError.LEDGER_REFUSED);
        }
        return Outcome.of(budget.status(fy));
    }

    public IssuanceBudget.Status budget(FiscalYear year) {
        return budget.status(year);
    }

    public FiscalYear currentYear() {
        return FiscalYear.current(clock);
    }

    public IssuanceRules.Rules rules() {
        return rules.current();
    }

    /** New caps: hours per resident per day (quarter hours, at most 24) and points per resident per month. */
    public Outcome<IssuanceRules.Rules> changeRules(User staff, String hoursPerDay, String pointsPerMonth) {
        if (!isStaff(staff)) {
            return Outcome.refused(EarningError.NOT_STAFF);
        }
        HoursInput.Parsed hours = HoursInput.parse(hoursPerDay);
        if (!hours.ok()) {
            return Outcome.refused(hours.error());
        }
        Optional<Long> points = ActivityBoard.number(pointsPerMonth);
        if (points.isEmpty() || !IssuanceRules.Rules.valid(hours.minutes(), points.get())) {
            return Outcome.refused(EarningError.RULES_INVALID);
        }
        rules.change(hours.minutes(), points.get(), staff.userId(), clock.instant());
        return Outcome.of(rules.current());
    }

    /** Staff set the issuance rules and budget; an admin runs the system, not the money (docs/roles.md). */
    private static boolean isStaff(User user) {
        return user.role() == Role.STAFF;
    }
}
