package kyodo.fund.problem;

import org.springframework.http.HttpStatus;

/** Every way a fund use case says no, with its HTTP status and the message in both languages. */
public enum Refusal {
    INVALID_INPUT(HttpStatus.BAD_REQUEST, "入力内容に誤りがあります。", "The request is not valid."),
    NOT_FOUND(HttpStatus.NOT_FOUND, "見つかりません。", "Not found."),
    UNKNOWN_USER(HttpStatus.BAD_REQUEST, "そのユーザー名の利用者はいません。", "No one signs in with that username."),
    FORBIDDEN(HttpStatus.FORBIDDEN, "この操作は許可されていません。", "You may not do this."),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "ログインが必要です。", "Please sign in."),
    WRONG_STATE(HttpStatus.CONFLICT, "現在の状態ではこの操作はできません。", "Not possible in the current state."),
    DESIGNATION_MISMATCH(HttpStatus.CONFLICT, "指定された使途以外には充てられません。",
            "Designated money can only go where the donor designated it."),
    INSUFFICIENT_FUNDS(HttpStatus.CONFLICT, "指定寄附の残高が不足しています。", "The designation does not hold enough."),
    BUDGET_EXCEEDED(HttpStatus.CONFLICT, "事業の予算を超えています。", "This exceeds the program's budget."),
    DEADLINE_PASSED(HttpStatus.CONFLICT, "申請期限を過ぎています。", "The application deadline has passed."),
    CONFLICT_OF_INTEREST(HttpStatus.FORBIDDEN, "利害関係があるため採点できません。",
            "A reviewer with a conflict of interest cannot score this application."),
    SAME_APPROVER(HttpStatus.FORBIDDEN, "申請者と承認者は別の職員でなければなりません。",
            "A disbursement must be approved by a different staff member than the one who requested it."),
    EXCEEDS_AWARD(HttpStatus.CONFLICT, "交付決定額を超えています。", "This exceeds the awarded amount."),
    GROUP_NOT_VERIFIED(HttpStatus.CONFLICT, "団体が確認されていません。", "The group is not verified."),
    BOOKS_REFUSED(HttpStatus.CONFLICT, "帳簿が記帳を拒否しました。", "The books refused the entry.");

    private final HttpStatus status;
    private final String japanese;
    private final String english;

    Refusal(HttpStatus status, String japanese, String english) {
        this.status = status;
        this.japanese = japanese;
        this.english = english;
    }

    public HttpStatus status() {
        return status;
    }

    public String japanese() {
        return japanese;
    }

    public String english() {
        return english;
    }
}
