package kyodo.wallet.report;

import kyodo.fund.problem.FundApi;
import kyodo.fund.report.PublicReports;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

/**
 * The points report as open data, no sign-in, at the address it had beside the fund report's, for a fiscal year
 * (2026 = April 2026 to March 2027). A bad year is a problem response like the fund report's.
 */
@RestController
@FundApi
class PointsReportApi {
    private static final CacheControl SHORT = CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();

    private final PointsReports points;
    private final PublicReports reports;

    PointsReportApi(PointsReports points, PublicReports reports) {
        this.points = points;
        this.reports = reports;
    }

    @GetMapping("/api/fund/reports/{year}/points.json")
    ResponseEntity<PointsReport> json(@PathVariable String year) {
        return ResponseEntity.ok().cacheControl(SHORT).body(points.compute(reports.year(year)));
    }
}
