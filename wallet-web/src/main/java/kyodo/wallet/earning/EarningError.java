package kyodo.wallet.earning;

import kyodo.fund.problem.Rejection;

import java.util.Locale;

/**
 * Why an earning request was refused. Each has a message (Japanese and English, key {@code earning.error.<code>})
 * and the HTTP status the API answers with; nothing refused changes anything.
 */
public enum EarningError implements Rejection {
    ACTIVITY_NOT_FOUND(404),
    GROUP_NOT_FOUND(404),
    NOT_GROUP_COORDINATOR(403),
    NOT_STAFF(403),
    GROUP_NOT_VERIFIED(409),
    TITLE_INVALID(400),
    DESCRIPTION_TOO_LONG(400),
    DESCRIPTION_INVALID(400),
    PLACE_INVALID(400),
    TIME_INVALID(400),
    STARTS_IN_THE_PAST(400),
    SLOTS_INVALID(400),
    RATE_INVALID(400),
    ACTIVITY_FULL(409),
    ALREADY_SIGNED_UP(409),
    OVERLAPPING_ACTIVITY(409),
    SIGNUP_CLOSED(409),
    RESIDENT_NOT_FOUND(404),
    NOT_SIGNED_UP(409),
    HOURS_MISSING(400),
    HOURS_NOT_A_NUMBER(400),
    HOURS_NOT_POSITIVE(400),
    HOURS_OVER_24(400),
    HOURS_NOT_QUARTER(400),
    HOURS_LONGER_THAN_ACTIVITY(400),
    ACTIVITY_NOT_OVER(409),
    ALREADY_CONFIRMED(409),
    DAY_CAP_EXCEEDED(409),
    MONTH_CAP_EXCEEDED(409),
    BUDGET_EXCEEDED(409),
    BUDGET_AMOUNT_INVALID(400),
    FISCAL_YEAR_INVALID(400),
    RULES_INVALID(400),
    ATTENDANCE_NOT_FOUND(404),
    ALREADY_CORRECTED(409),
    REASON_MISSING(400),
    REASON_TOO_LONG(400),
    POINTS_ALREADY_SPENT(409),
    QR_MALFORMED(400),
    QR_BAD_SIGNATURE(400),
    QR_EXPIRED(400),
    ALREADY_CHECKED_IN(409),
    ALREADY_CHECKED_OUT(409),
    NOT_CHECKED_IN(409),
    LEDGER_REFUSED(409);

    private final int status;

    EarningError(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public String messageKey() {
        return "earning.error." + name().toLowerCase(Locale.ROOT);
    }
}
