package kyodo.fund.report;

import kyodo.fund.access.Language;
import kyodo.fund.problem.FundPage;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Locale;

/** The public report pages (no sign-in), Japanese first: grant results and the fund report with charts. */
@Controller
@FundPage
class ReportPages {
    private final PublicReports reports;
    private final GrantResults results;
    private final MessageSource messages;

    ReportPages(PublicReports reports, GrantResults results, MessageSource messages) {
        this.reports = reports;
        this.results = results;
        this.messages = messages;
    }

    @GetMapping("/fund/results")
    String results(Model model, Locale locale) {
        Labels labels = new Labels(messages, locale, java.util.Map.of());
        model.addAttribute("labels", labels);
        model.addAttribute("results", results.all());
        return "fund/results";
    }

    @GetMapping("/fund/report")
    String fund(@RequestParam(required = false) String year, Model model, Locale locale) {
        FundReport report = reports.fund(reports.year(year));
        Labels labels = new Labels(messages, locale, report.groups());
        model.addAttribute("report", report);
        model.addAttribute("labels", labels);
        model.addAttribute("years", years());
        model.addAttribute("flowChart", Charts.flow(report, labels));
        model.addAttribute("monthlyChart", Charts.monthly(report, labels));
        model.addAttribute("balanceChart", Charts.balances(report, labels));
        model.addAttribute("checkpointPath", ReportCheckpoint.CHECKPOINT_PATH);
        model.addAttribute("verifyPath", ReportCheckpoint.VERIFY_PATH);
        model.addAttribute("proofBundlePath", "/api/fund/reports/" + report.year().year() + "/proof-bundle.jsonl");
        model.addAttribute("verifierPath", ReportCheckpoint.VERIFIER_PATH);
        model.addAttribute("witnesses", reports.witnesses(report.checkpoint()));
        return "fund/report";
    }

    /** The current fiscal year and the four before it, newest first, for the year links. */
    private java.util.List<Integer> years() {
        return reports.recentYears();
    }
}
