package kyodo.fund.problem;

import org.springframework.http.HttpStatus;

/**
 * Every way a fund use case says no, with its HTTP status. The message is {@code fund.problem.<name>} in
 * {@code messages-fund-problems*.properties}.
 */
public enum Refusal implements Rejection {
    INVALID_INPUT(HttpStatus.BAD_REQUEST),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    UNKNOWN_USER(HttpStatus.BAD_REQUEST),
    FORBIDDEN(HttpStatus.FORBIDDEN),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED),
    WRONG_STATE(HttpStatus.CONFLICT),
    DESIGNATION_MISMATCH(HttpStatus.CONFLICT),
    INSUFFICIENT_FUNDS(HttpStatus.CONFLICT),
    BUDGET_EXCEEDED(HttpStatus.CONFLICT),
    DEADLINE_PASSED(HttpStatus.CONFLICT),
    CONFLICT_OF_INTEREST(HttpStatus.FORBIDDEN),
    SAME_APPROVER(HttpStatus.FORBIDDEN),
    EXCEEDS_AWARD(HttpStatus.CONFLICT),
    GROUP_NOT_VERIFIED(HttpStatus.CONFLICT),
    BOOKS_REFUSED(HttpStatus.CONFLICT);

    private final HttpStatus status;

    Refusal(HttpStatus status) {
        this.status = status;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public int status() {
        return status.value();
    }

    @Override
    public String messageKey() {
        return "fund.problem." + name();
    }
}
