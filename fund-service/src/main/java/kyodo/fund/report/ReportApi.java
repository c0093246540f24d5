package kyodo.fund.report;

import kyodo.fund.problem.FundApi;
import kyodo.ledger.calendar.FiscalYear;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.Locale;

/**
 * Open data of the fund report, no sign-in: JSON, CSV and PDF, for a fiscal year (2026 = April 2026 to March
 * 2027), its proof bundle, and the published grant results.
 */
@RestController
@FundApi
class ReportApi {
    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    private static final MediaType JSON_LINES = new MediaType("application", "jsonl",
            java.nio.charset.StandardCharsets.UTF_8);
    private static final CacheControl SHORT = CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();

    private final PublicReports reports;
    private final GrantResults results;
    private final ProofBundles bundles;
    private final String publicBaseUrl;
    private final MessageSource messages;

    ReportApi(PublicReports reports, GrantResults results, ProofBundles bundles,
              @Value("${kyodo.fund.public-base-url:http://localhost:8080}") String baseUrl, MessageSource messages) {
        this.reports = reports;
        this.results = results;
        this.bundles = bundles;
        this.messages = messages;
        this.publicBaseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @GetMapping("/api/fund/reports/{year}/fund.json")
    ResponseEntity<OpenData.Document> fundJson(@PathVariable String year) {
        return ResponseEntity.ok().cacheControl(SHORT)
                .body(OpenData.json(reports.fund(reports.year(year))));
    }

    @GetMapping("/api/fund/reports/{year}/fund.csv")
    ResponseEntity<byte[]> fundCsv(@PathVariable String year) {
        FundReport report = reports.fund(reports.year(year));
        return ResponseEntity.ok().cacheControl(SHORT).contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("kyodo-fund-" + report.year().year() + ".csv").build().toString())
                .body(OpenData.csv(report));
    }

    @GetMapping("/api/fund/reports/{year}/fund.pdf")
    ResponseEntity<byte[]> fundPdf(@PathVariable String year) {
        FundReport report = reports.fund(reports.year(year));
        return ResponseEntity.ok().cacheControl(SHORT).contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("kyodo-fund-" + report.year().year() + ".pdf").build().toString())
                .body(ReportPdf.of(report, new Labels(messages, Locale.JAPANESE, report.groups()), publicBaseUrl));
    }

    /**
     * The report's proof bundle: the signed checkpoint it was computed at, the log's keys, the report as published
     * and every leaf up to the checkpoint (fund entries in full with their inclusion proofs, the others as leaf
     * hashes), for {@code java -jar verifier.jar report <bundle>}. No sign-in.
     */
    @GetMapping("/api/fund/reports/{year}/proof-bundle.jsonl")
    ResponseEntity<byte[]> proofBundle(@PathVariable String year) {
        FiscalYear fiscalYear = reports.year(year);
        return ResponseEntity.ok().cacheControl(SHORT).contentType(JSON_LINES)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("kyodo-fund-" + fiscalYear.year() + "-proof-bundle.jsonl").build().toString())
                .body(bundles.of(fiscalYear));
    }

    /** Published grant results: program, group, amounts, agreement summary, final report and evaluations. */
    @GetMapping("/api/fund/reports/grant-results.json")
    ResponseEntity<java.util.List<GrantResults.Result>> grantResults() {
        return ResponseEntity.ok().cacheControl(SHORT).body(results.all());
    }
}
