package kyodo.fund.audit;

import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.fund.FundApi;
import kyodo.fund.FundTestApplication;
import kyodo.fund.books.FundBooks;
import kyodo.ledger.AccountFlag;
import kyodo.ledger.AccountId;
import kyodo.ledger.AccountKind;
import kyodo.ledger.AccountSpec;
import kyodo.ledger.Amount;
import kyodo.ledger.Asset;
import kyodo.ledger.EntryKey;
import kyodo.ledger.EntryKind;
import kyodo.ledger.EntryRequest;
import kyodo.ledger.Ledger;
import kyodo.ledger.Leg;
import kyodo.ledger.PostResult;
import kyodo.ledger.testing.MutableClock;
import kyodo.ledger.testing.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit tests' own database and Spring context. The ledger never lets time go back (an entry posted
 * "earlier" than the head takes the head's time), so every test reserves fresh business days after all days
 * used before, with a gap wider than the reconciliation window, and posts on them by moving the clock forward.
 * Figures are compared as differences or recomputed independently, never as constants.
 */
@SpringBootTest(classes = FundTestApplication.class)
@AutoConfigureMockMvc
abstract class AuditTest {
    private static final TestDatabase DATABASE = TestDatabase.create("fund_audit");
    private static final LocalDate FIRST_DAY = LocalDate.of(2030, 1, 6);
    private static final int GAP_DAYS = 10;
    private static final AtomicInteger DAYS_USED = new AtomicInteger();
    private static final AtomicInteger NAMES = new AtomicInteger();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::url);
        registry.add("spring.datasource.username", DATABASE::user);
        registry.add("spring.datasource.password", DATABASE::password);
        registry.add("kyodo.fund.public-base-url", () -> "https://kyodo.example.jp/");
    }

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected Ledger ledger;
    @Autowired
    protected FundBooks books;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected JdbcClient jdbc;

    protected FundApi api() {
        return new FundApi(mvc);
    }

    /** The first of {@code count} business days nobody has posted on, all after every day used so far. */
    protected static synchronized LocalDate freshDays(int count) {
        int start = DAYS_USED.getAndAdd(count + GAP_DAYS);
        return FIRST_DAY.plusDays(start);
    }

    /** A name no other test uses, for accounts, users and keys. */
    protected static String unique(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet();
    }

    /** Moves the clock to {@code time} (Asia/Tokyo) on {@code day}: what the ledger stamps on the next entries. */
    protected void at(LocalDate day, LocalTime time) {
        clock.set(day.atTime(time).atZone(BusinessCalendar.ZONE).toInstant());
    }

    protected AccountId open(String code, Asset asset, AccountKind kind, AccountFlag... flags) {
        return ledger.open(AccountSpec.unclassified(code, asset, kind, flags)).orThrow().id();
    }

    protected PostResult transfer(String key, EntryKind kind, String actor, AccountId debit, AccountId credit,
                                  Amount amount) {
        PostResult result = ledger.post(new EntryRequest(new EntryKey(key), kind, actor, "", null,
                List.of(Leg.transfer(debit, credit, amount))));
        assertThat(result.onTheBooks()).as("posting %s: %s", key, result).isTrue();
        return result;
    }
}
