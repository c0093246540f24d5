package kyodo.fund.grant;

import kyodo.fund.access.UserId;

import java.util.Map;

/**
 * Where the committee stands on one application: each assigned reviewer has scored every criterion, is recused
 * (declared a conflict, or coordinates the applicant group and so may not score), or has not reviewed yet. An
 * award waits until nobody is pending and at least one reviewer scored.
 */
public record ReviewProgress(Map<UserId, State> reviewers) {
    public enum State { SCORED, CONFLICT, PENDING }

    public ReviewProgress {
        reviewers = Map.copyOf(reviewers);
    }

    public int assigned() {
        return reviewers.size();
    }

    public int scored() {
        return count(State.SCORED);
    }

    public int conflicted() {
        return count(State.CONFLICT);
    }

    public int pending() {
        return count(State.PENDING);
    }

    /** Whether the award may be decided: nobody pending, somebody scored. */
    public boolean complete() {
        return pending() == 0 && scored() > 0;
    }

    public State of(UserId reviewer) {
        return reviewers.getOrDefault(reviewer, State.PENDING);
    }

    private int count(State state) {
        return (int) reviewers.values().stream().filter(state::equals).count();
    }
}
