package kyodo.wallet.report;

import kyodo.fund.access.Language;
import kyodo.fund.problem.FundPage;
import kyodo.fund.report.Labels;
import kyodo.fund.report.PublicReports;
import kyodo.fund.report.ReportCheckpoint;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Map;

/**
 * The public points report page (no sign-in), Japanese first, at the address it had beside the fund report. A bad
 * year is refused as on the fund report's page (the fund's page handling).
 */
@Controller
@FundPage
class PointsReportPages {
    private final PointsReports points;
    private final PublicReports reports;

    PointsReportPages(PointsReports points, PublicReports reports) {
        this.points = points;
        this.reports = reports;
    }

    @GetMapping("/fund/points-report")
    String page(@RequestParam(required = false) String year, Model model) {
        PointsReport report = points.compute(reports.year(year));
        Labels labels = new Labels(Language.english(), Map.of());
        model.addAttribute("en", labels.english());
        model.addAttribute("report", report);
        model.addAttribute("labels", labels);
        model.addAttribute("years", reports.recentYears());
        model.addAttribute("checkpointPath", ReportCheckpoint.CHECKPOINT_PATH);
        model.addAttribute("verifyPath", ReportCheckpoint.VERIFY_PATH);
        return "report/points-report";
    }
}
