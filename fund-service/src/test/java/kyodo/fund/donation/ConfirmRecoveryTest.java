package kyodo.fund.donation;

import kyodo.fund.FundWebTest;
import kyodo.fund.access.Actor;
import kyodo.fund.access.Role;
import kyodo.fund.books.FundBooks;
import kyodo.fund.problem.Refusal;
import kyodo.fund.problem.Refused;
import kyodo.ledger.EntryKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A confirm or cancel whose ledger entry posted but whose row update failed (a failure injected by a database
 * trigger on the donation row): the pledge cannot then be withdrawn, and a retried confirm or cancel, even by
 * another staff member, adopts the entry instead of posting again.
 */
class ConfirmRecoveryTest extends FundWebTest {
    private Actor donor;
    private Actor staff;
    private Actor otherStaff;

    @Autowired
    DonationDesk desk;
    @Autowired
    Donations donations;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FundBooks books;

    @BeforeEach
    void people() {
        donor = actor("donor-recovery", Role.DONOR);
        staff = actor("staff-recovery-1", Role.STAFF);
        otherStaff = actor("staff-recovery-2", Role.STAFF);
    }

    @AfterEach
    void healTheDatabase() {
        jdbc.execute("drop trigger if exists test_fail_confirm on fund_donation");
        jdbc.execute("drop function if exists test_fail_confirm()");
    }

    private void failConfirmOf(DonationId id) {
        failUpdateTo(id, "CONFIRMED");
    }

    private void failUpdateTo(DonationId id, String status) {
        jdbc.execute("""
                create function test_fail_confirm() returns trigger language plpgsql as $$
                begin
                    if new.id = %d and new.status = '%s' then
                        raise exception 'injected failure after the ledger posted';
                    end if;
                    return new;
                end $$""".formatted(id.value(), status));
        jdbc.execute("""
                create trigger test_fail_confirm before update on fund_donation
                    for each row execute function test_fail_confirm()""");
    }

    private long posted(String code) {
        return ledger.account(code).map(a -> a.balance().posted()).orElse(0L);
    }

    private Donation pledge(long amount) {
        return desk.pledge(donor, new DonationDesk.Form("INDIVIDUAL", "復旧 太郎", "", amount, "field:elderly",
                false, false));
    }

    @Test
    void aWithdrawalAfterAnInterruptedConfirmIsRefusedAndARetriedConfirmAdoptsTheEntry() {
        Donation pledged = pledge(7_300);
        long designationBefore = posted("fund:designation:field:elderly");
        long bankBefore = posted(FundBooks.BANK);
        long headBefore = ledger.head().sequence();
        failConfirmOf(pledged.id());

        assertThatThrownBy(() -> desk.confirm(staff, pledged.id(), new DonationDesk.Arrival(null, null, null)))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("injected failure");
        assertThat(donations.find(pledged.id()).orElseThrow().status()).isEqualTo(Donation.Status.PLEDGED);
        assertThat(ledger.entry(new EntryKey(pledged.id().entryKey()))).isPresent();
        assertThat(posted(FundBooks.BANK)).isEqualTo(bankBefore + 7_300);
        healTheDatabase();

        assertThatThrownBy(() -> desk.withdraw(donor, pledged.id()))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.refusal()).isEqualTo(Refusal.WRONG_STATE));
        assertThatThrownBy(() -> desk.withdraw(staff, pledged.id())).isInstanceOf(Refused.class);
        assertThat(donations.find(pledged.id()).orElseThrow().status()).isEqualTo(Donation.Status.PLEDGED);

        Donation confirmed = desk.confirm(otherStaff, pledged.id(), new DonationDesk.Arrival("CASH", null, null));

        assertThat(confirmed.status()).isEqualTo(Donation.Status.CONFIRMED);
        assertThat(confirmed.receiptNumber()).isNotNull();
        assertThat(confirmed.entryKey()).isEqualTo(pledged.id().entryKey());
        // The books say who posted; the row agrees with them.
        assertThat(confirmed.confirmedBy()).isEqualTo(staff.userId());
        assertThat(ledger.head().sequence()).as("nothing new posted").isEqualTo(headBefore + 1);
        assertThat(posted(FundBooks.BANK)).isEqualTo(bankBefore + 7_300);
        assertThat(posted("fund:designation:field:elderly")).isEqualTo(designationBefore + 7_300);
    }

    @Test
    void aRetryThatFindsTheSameStaffMembersEntryFinishesTheRowToo() {
        Donation pledged = pledge(2_100);
        failConfirmOf(pledged.id());
        assertThatThrownBy(() -> desk.confirm(staff, pledged.id(), new DonationDesk.Arrival(null, null, null)))
                .isInstanceOf(DataAccessException.class);
        healTheDatabase();
        long head = ledger.head().sequence();

        Donation confirmed = desk.confirm(staff, pledged.id(), new DonationDesk.Arrival(null, null, null));

        assertThat(confirmed.status()).isEqualTo(Donation.Status.CONFIRMED);
        assertThat(ledger.head().sequence()).isEqualTo(head);
    }

    @Test
    void aRetriedCancelByAnotherStaffMemberAdoptsTheReversalAlreadyOnTheBooks() {
        Donation confirmed = desk.confirm(staff, pledge(4_400).id(), new DonationDesk.Arrival(null, null, null));
        long bankBefore = posted(FundBooks.BANK);
        failUpdateTo(confirmed.id(), "CANCELLED");
        assertThatThrownBy(() -> desk.cancel(staff, confirmed.id(), "二重入金"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("injected failure");
        healTheDatabase();
        assertThat(ledger.entry(new EntryKey(confirmed.id().reversalKey()))).isPresent();
        long head = ledger.head().sequence();

        Donation cancelled = desk.cancel(otherStaff, confirmed.id(), "二重入金");

        assertThat(cancelled.status()).isEqualTo(Donation.Status.CANCELLED);
        assertThat(cancelled.cancelledBy()).isEqualTo(staff.userId());
        assertThat(ledger.head().sequence()).as("nothing new posted").isEqualTo(head);
        assertThat(posted(FundBooks.BANK)).isEqualTo(bankBefore - 4_400);
    }

    @Test
    void anEntryUnderTheDonationsKeyThatIsNotItsDonationIsNeverAdopted() {
        Donation pledged = pledge(5_000);
        assertThat(books.donate(pledged.id().entryKey(), pledged.designation(), 4_999, staff.journalActor(), "誤り")
                .onTheBooks()).isTrue();
        long head = ledger.head().sequence();

        assertThatThrownBy(() -> desk.confirm(staff, pledged.id(), new DonationDesk.Arrival(null, null, null)))
                .isInstanceOfSatisfying(Refused.class,
                        r -> assertThat(r.refusal()).isEqualTo(Refusal.BOOKS_REFUSED));
        assertThat(donations.find(pledged.id()).orElseThrow().status()).isEqualTo(Donation.Status.PLEDGED);
        assertThat(ledger.head().sequence()).as("nothing posted").isEqualTo(head);
    }

    @Test
    void aWithdrawalWithNothingOnTheBooksStillWorks() {
        Donation pledged = pledge(900);
        assertThat(desk.withdraw(donor, pledged.id()).status()).isEqualTo(Donation.Status.WITHDRAWN);
        assertThat(ledger.entry(new EntryKey(pledged.id().entryKey()))).isEmpty();
    }
}
