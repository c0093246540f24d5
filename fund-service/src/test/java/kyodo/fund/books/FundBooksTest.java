package kyodo.fund.books;

import kyodo.ledger.AccountFlag;
import kyodo.ledger.Asset;
import kyodo.ledger.LedgerId;
import kyodo.ledger.ResultCode;
import kyodo.ledger.TrialBalance;
import kyodo.ledger.postgres.PostgresLedger;
import kyodo.ledger.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The fund's accounts on a real PostgresLedger. */
class FundBooksTest {
    private static final TestDatabase DATABASE = TestDatabase.create("fund_books");
    private static final PostgresLedger LEDGER = new PostgresLedger(DATABASE.dataSource(), new LedgerId(1), "books",
            Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), kyodo.ledger.calendar.BusinessCalendar.ZONE));
    private static final Designation CHILDREN = new Designation.ForField(Field.CHILDREN);
    private static final Designation ELDERLY = new Designation.ForField(Field.ELDERLY);

    private final FundBooks books = new FundBooks(LEDGER);

    @AfterAll
    static void close() {
        LEDGER.close();
    }

    @Test
    void aDonationDebitsTheBankAndCreditsItsDesignation() {
        long bankBefore = books.account(FundBooks.BANK).map(a -> a.balance().posted()).orElse(0L);
        Designation group = new Designation.ForGroup(901);

        assertThat(books.donate("t-donate-1", group, 12_345, "staff-1", "").code()).isEqualTo(ResultCode.POSTED);

        assertThat(books.posted(group)).isEqualTo(12_345);
        assertThat(books.account(FundBooks.BANK).orElseThrow().balance().posted()).isEqualTo(bankBefore + 12_345);
        assertThat(books.account("fund:designation:group:901")).isPresent();
    }

    @Test
    void designationAccountsAreFlaggedNeverBelowZero() {
        books.designation(Designation.GENERAL);

        assertThat(books.account("fund:designation:general").orElseThrow().flags())
                .contains(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS);
        books.bank();
        assertThat(books.account(FundBooks.BANK).orElseThrow().flags())
                .contains(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS);
    }

    @Test
    void aDesignationCannotCommitMoreThanItHolds() {
        books.donate("t-hold-donation", ELDERLY, 50_000, "staff-1", "");

        assertThat(books.commit("t-hold-too-much", ELDERLY, 50_001, "staff-1", "").code())
                .isEqualTo(ResultCode.INSUFFICIENT_FUNDS);
        assertThat(books.commit("t-hold-ok", ELDERLY, 30_000, "staff-1", "").code()).isEqualTo(ResultCode.POSTED);
        assertThat(books.commit("t-hold-second", ELDERLY, 20_001, "staff-1", "").code())
                .isEqualTo(ResultCode.INSUFFICIENT_FUNDS);
        assertThat(books.available(ELDERLY)).isEqualTo(20_000);
    }

    @Test
    void designatedMoneyCanOnlyFundWhereDesignated() {
        assertThat(CHILDREN.canFund(Field.CHILDREN, 5)).isTrue();
        assertThat(CHILDREN.canFund(Field.ELDERLY, 5)).isFalse();
        assertThat(new Designation.ForGroup(5).canFund(Field.ENVIRONMENT, 5)).isTrue();
        assertThat(new Designation.ForGroup(5).canFund(Field.ENVIRONMENT, 6)).isFalse();
        assertThat(Designation.GENERAL.canFund(Field.DISASTER, 9)).isTrue();
    }

    @Test
    void tranchesPostTheCommitmentAndReleaseReturnsTheRest() {
        Designation culture = new Designation.ForField(Field.CULTURE);
        books.donate("t-tranche-donation", culture, 100_000, "staff-1", "");
        books.commit("t-tranche-award", culture, 80_000, "staff-1", "");
        long bank = books.account(FundBooks.BANK).orElseThrow().balance().posted();

        assertThat(books.disburse("t-tranche-1", FundBooks.commitmentHold("t-tranche-award"), culture, 30_000, 80_000,
                "staff-2", "").code()).isEqualTo(ResultCode.POSTED);
        assertThat(books.disburse("t-tranche-2", FundBooks.remainderHold("t-tranche-1"), culture, 20_000, 50_000,
                "staff-2", "").code()).isEqualTo(ResultCode.POSTED);

        assertThat(books.posted(culture)).isEqualTo(50_000);
        assertThat(books.available(culture)).isEqualTo(20_000);
        assertThat(books.account(FundBooks.BANK).orElseThrow().balance().posted()).isEqualTo(bank - 50_000);
        assertThat(books.release("t-tranche-release", FundBooks.remainderHold("t-tranche-2"), "staff-1", "").code())
                .isEqualTo(ResultCode.POSTED);
        assertThat(books.available(culture)).isEqualTo(50_000);
        assertThat(books.account(FundBooks.GRANTS_PAYABLE).orElseThrow().balance().posted()).isZero();
    }

    @Test
    void aReversalGivesTheDonationBackAndTheBooksStayBalanced() {
        Designation disaster = new Designation.ForField(Field.DISASTER);
        books.donate("t-reverse-donation", disaster, 7_000, "staff-1", "");

        assertThat(books.reverseDonation("t-reverse-donation-reversal", disaster, 7_000, "staff-1", "").code())
                .isEqualTo(ResultCode.POSTED);

        assertThat(books.posted(disaster)).isZero();
        assertThat(LEDGER.entry(new kyodo.ledger.EntryKey("t-reverse-donation"))).isPresent();
        TrialBalance yen = LEDGER.trialBalance(Instant.parse("2100-01-01T00:00:00Z")).stream()
                .filter(t -> t.asset().equals(Asset.JPY)).findFirst().orElseThrow();
        assertThat(yen.balanced()).isTrue();
    }
}
