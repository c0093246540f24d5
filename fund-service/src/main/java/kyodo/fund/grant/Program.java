package kyodo.fund.grant;

import kyodo.fund.access.UserId;
import kyodo.fund.books.Designation;
import kyodo.fund.books.Field;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A grant program (助成事業の公募): what it funds, from which designation, how much, until when, judged how. */
public record Program(ProgramId id, String title, Field field, Designation designation, String description,
                      long budget, LocalDate startsOn, LocalDate endsOn, Instant deadline, Status status,
                      List<Criterion> criteria, Set<UserId> reviewers) {
    public static final int TITLE_LENGTH_MAX = 200;
    public static final int DESCRIPTION_LENGTH_MAX = 4000;
    public static final long BUDGET_MAX = 1_000_000_000L;
    public static final int CRITERIA_MAX = 20;
    public static final int REVIEWERS_MAX = 20;

    public enum Status { DRAFT, PUBLISHED }

    /** A scoring criterion; every reviewer scores it 0..{@link #SCORE_MAX}, and its weight multiplies the score. */
    public record Criterion(String name, int weight) {
        public static final int NAME_LENGTH_MAX = 100;
        public static final int WEIGHT_MAX = 100;
        public static final int SCORE_MAX = 5;
    }

    public Program {
        criteria = List.copyOf(criteria);
        reviewers = Set.copyOf(reviewers);
    }

    public boolean published() {
        return status == Status.PUBLISHED;
    }

    public boolean open(Instant now) {
        return published() && now.isBefore(deadline);
    }

    public int weightTotal() {
        return criteria.stream().mapToInt(Criterion::weight).sum();
    }
}
