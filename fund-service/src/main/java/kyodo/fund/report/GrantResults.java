package kyodo.fund.report;

import kyodo.fund.directory.Groups;
import kyodo.fund.grant.Application;
import kyodo.fund.grant.Applications;
import kyodo.fund.grant.Award;
import kyodo.fund.grant.Awards;
import kyodo.fund.grant.Program;
import kyodo.fund.grant.Programs;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Published grant results (協働事業の結果): for every award, the program, the group, what was awarded and paid, a
 * summary of the agreement (purpose, plan, cost, period; the full agreement is its PDF), the group's final report
 * and the committee's evaluations. Reviewers are not named in public; their scores and comments are.
 */
@Component
class GrantResults {
    static final int SUMMARY_LENGTH_MAX = 400;

    private final Awards awards;
    private final Applications applications;
    private final Programs programs;
    private final Groups groups;

    GrantResults(Awards awards, Applications applications, Programs programs, Groups groups) {
        this.awards = awards;
        this.applications = applications;
        this.programs = programs;
        this.groups = groups;
    }

    record Evaluation(int goalAchievement, String comment) {
    }

    /** One award as published; {@code report} is null until the group reports. */
    record Result(long awardId, long programId, String program, String field, String group, String project,
                  long awarded, long disbursed, String status, String agreementSummary, String agreementPdf,
                  String startsOn, String endsOn, String report, List<Evaluation> evaluations,
                  Double goalAchievementAverage) {
    }

    List<Result> all() {
        List<Result> results = new ArrayList<>();
        for (Award award : awards.all(Awards.PAGE_MAX)) {
            Application application = applications.find(award.application()).orElseThrow();
            Program program = programs.find(award.program()).orElseThrow();
            String group = groups.find(application.group()).map(g -> g.name()).orElse("");
            List<Evaluation> evaluations = awards.evaluations(award.id()).stream()
                    .map(e -> new Evaluation(e.goalAchievement(), e.comment())).toList();
            Double average = evaluations.isEmpty() ? null
                    : evaluations.stream().mapToInt(Evaluation::goalAchievement).average().orElse(0);
            results.add(new Result(award.id().value(), program.id().value(), program.title(), program.field().code(),
                    group, application.title(), award.amount(), award.disbursed(), award.status().name(),
                    summary(application), "/api/fund/awards/" + award.id().value() + "/agreement.pdf",
                    program.startsOn().toString(), program.endsOn().toString(),
                    awards.report(award.id()).map(Awards.Report::summary).orElse(null), evaluations, average));
        }
        return results;
    }

    private static String summary(Application application) {
        String text = (application.purpose().isBlank() ? application.title() : application.purpose()) + " / "
                + application.plan();
        return text.length() > SUMMARY_LENGTH_MAX ? text.substring(0, SUMMARY_LENGTH_MAX) + "…" : text;
    }
}
