package kyodo.fund.about;

import kyodo.ledger.calendar.FiscalYear;
import kyodo.fund.problem.FundApi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;

/** Public, read-only facts about the fund, as JSON open data. */
@RestController
@FundApi
class FundAboutController {
    private final String name;
    private final Clock clock;

    FundAboutController(@Value("${kyodo.fund.name:協働推進基金}") String name, Clock clock) {
        this.name = name;
        this.clock = clock;
    }

    @GetMapping("/api/fund/about")
    FundAbout about() {
        LocalDate today = LocalDate.now(clock);
        FiscalYear fiscalYear = FiscalYear.containing(today);
        return new FundAbout(name, today, fiscalYear.year(), fiscalYear.firstDay(), fiscalYear.lastDay());
    }

    /** {@code today} is the ward's date (Asia/Tokyo), which decides the fiscal year. */
    record FundAbout(String name, LocalDate today, int fiscalYear, LocalDate fiscalYearFirstDay,
                     LocalDate fiscalYearLastDay) {
    }
}
