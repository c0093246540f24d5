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
    BOOKS_REFUSED(HttpStatus.CONFLICT),
    /** A program is published with its deadline still ahead. */
    DEADLINE_NOT_AHEAD(HttpStatus.CONFLICT),
    /** A program's reviewers are committee members (role COMMITTEE). */
    NOT_A_COMMITTEE_MEMBER(HttpStatus.BAD_REQUEST),
    /** A program is published with at least one reviewer. */
    NO_REVIEWERS(HttpStatus.CONFLICT),
    /** A program's budget is within what its designation can still commit when it is published. */
    BUDGET_OVER_AVAILABLE(HttpStatus.CONFLICT),
    /** An award waits for the program's deadline. */
    BEFORE_DEADLINE(HttpStatus.CONFLICT),
    /** An award waits until every reviewer who may score has scored (and at least one has). */
    REVIEWS_INCOMPLETE(HttpStatus.CONFLICT),
    /** A declared conflict comes without scores: they are not silently dropped. */
    SCORES_WITH_CONFLICT(HttpStatus.BAD_REQUEST),
    /** Reviews are the record of an award decision once it is made. */
    REVIEW_CLOSED(HttpStatus.CONFLICT),
    /** A name a receipt cannot carry (an emoji, a character outside JIS X 0213 and Latin). */
    NAME_NOT_PRINTABLE(HttpStatus.BAD_REQUEST);

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
