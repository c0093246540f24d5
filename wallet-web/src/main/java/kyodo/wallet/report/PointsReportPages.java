package kyodo.wallet.report;

import kyodo.fund.problem.FundPage;
import kyodo.fund.report.Labels;
import kyodo.fund.report.PublicReports;
import kyodo.fund.report.ReportCheckpoint;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Locale;
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
    private final MessageSource messages;

    PointsReportPages(PointsReports points, PublicReports reports, MessageSource messages) {
        this.points = points;
        this.reports = reports;
        this.messages = messages;
    }

    @GetMapping("/fund/points-report")
    String page(@RequestParam(required = false) String year, Model model, Locale locale) {
        PointsReport report = points.compute(reports.year(year));
        Labels labels = new Labels(messages, locale, Map.of());
        model.addAttribute("report", report);
        model.addAttribute("labels", labels);
        model.addAttribute("years", reports.recentYears());
        model.addAttribute("checkpointPath", ReportCheckpoint.CHECKPOINT_PATH);
        model.addAttribute("verifyPath", ReportCheckpoint.VERIFY_PATH);
        return "report/points-report";
    }
}
