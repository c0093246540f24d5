package kyodo.fund.grant;

import kyodo.fund.access.UserId;
import kyodo.fund.directory.GroupId;

import java.time.Instant;
import java.util.List;

/** A group's application (申請) to a program: a draft until submitted, before the deadline. */
public record Application(ApplicationId id, ProgramId program, GroupId group, String title, String purpose,
                          String plan, String strengths, long requested, Status status, UserId createdBy,
                          Instant submittedAt, List<BudgetLine> budget) {
    public static final int TITLE_LENGTH_MAX = 200;
    public static final int PURPOSE_LENGTH_MAX = 4000;
    public static final int PLAN_LENGTH_MAX = 8000;
    public static final int STRENGTHS_LENGTH_MAX = 4000;
    public static final int BUDGET_LINES_MAX = 50;

    public enum Status { DRAFT, SUBMITTED, AWARDED }

    public record BudgetLine(String item, long amount) {
        public static final int ITEM_LENGTH_MAX = 200;
    }

    public Application {
        budget = List.copyOf(budget);
    }
}
