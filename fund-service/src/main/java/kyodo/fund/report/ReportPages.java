package kyodo.fund.report;

import kyodo.fund.access.Language;
import kyodo.fund.problem.FundPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public report pages (no sign-in), Japanese first: the fund report with charts, and the points report. */
@Controller
@FundPage
class ReportPages {
    private final PublicReports reports;
    private final GrantResults results;

    ReportPages(PublicReports reports, GrantResults results) {
        this.reports = reports;
        this.results = results;
    }

    @GetMapping("/fund/results")
    String results(Model model) {
        Labels labels = new Labels(Language.english(), java.util.Map.of());
        model.addAttribute("en", labels.english());
        model.addAttribute("labels", labels);
        model.addAttribute("results", results.all());
        return "fund/results";
    }

    @GetMapping("/fund/report")
    String fund(@RequestParam(required = false) String year, Model model) {
        FundReport report = reports.fund(reports.year(year));
        Labels labels = new Labels(Language.english(), report.groups());
        model.addAttribute("en", labels.english());
        model.addAttribute("report", report);
        model.addAttribute("labels", labels);
        model.addAttribute("years", years());
        model.addAttribute("flowChart", Charts.flow(report, labels));
        model.addAttribute("monthlyChart", Charts.monthly(report, labels));
        model.addAttribute("balanceChart", Charts.balances(report, labels));
        model.addAttribute("checkpointPath", ReportCheckpoint.CHECKPOINT_PATH);
        model.addAttribute("verifyPath", ReportCheckpoint.VERIFY_PATH);
        model.addAttribute("witnesses", reports.witnesses(report.checkpoint()));
        return "fund/report";
    }

    @GetMapping("/fund/points-report")
    String points(@RequestParam(required = false) String year, Model model) {
        PointsReport report = reports.points(reports.year(year));
        Labels labels = new Labels(Language.english(), java.util.Map.of());
        model.addAttribute("en", labels.english());
        model.addAttribute("report", report);
        model.addAttribute("labels", labels);
        model.addAttribute("years", years());
        model.addAttribute("checkpointPath", ReportCheckpoint.CHECKPOINT_PATH);
        model.addAttribute("verifyPath", ReportCheckpoint.VERIFY_PATH);
        return "fund/points-report";
    }

    /** The current fiscal year and the four before it, newest first, for the year links. */
    private java.util.List<Integer> years() {
        int current = reports.currentYear().year();
        java.util.List<Integer> years = new java.util.ArrayList<>();
        for (int y = current; y > current - 5 && y >= kyodo.fund.FiscalYear.YEAR_MIN; y--) {
            years.add(y);
        }
        return years;
    }
}
