package kyodo.wallet.settlement;

import kyodo.fund.problem.Rejection;

/** Why a settlement action or bank details were refused; HTTP status and message {@code settlement.error.<name>}. */
public enum SettlementError implements Rejection {
    MONTH_INVALID(400),
    MONTH_NOT_OVER(409),
    DATE_INVALID(400),
    AMOUNT_INVALID(400),
    INTENT_INVALID(400),
    BANK_CODE_INVALID(400),
    BRANCH_CODE_INVALID(400),
    ACCOUNT_TYPE_INVALID(400),
    ACCOUNT_NUMBER_INVALID(400),
    HOLDER_NAME_INVALID(400),
    BANK_NAME_INVALID(400),
    SETTLEMENT_NOT_FOUND(404),
    NOT_POSTED(409),
    ALREADY_PAID(409),
    BUDGET_INSUFFICIENT(409),
    POINTS_INSUFFICIENT(409),
    NO_TRANSFERS(409),
    LEDGER_REFUSED(409);

    private final int status;

    SettlementError(int status) {
        this.status = status;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String messageKey() {
        return "settlement.error." + name();
    }
}
