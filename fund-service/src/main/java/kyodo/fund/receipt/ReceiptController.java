package kyodo.fund.receipt;

import kyodo.ledger.calendar.FiscalYear;
import kyodo.fund.access.Actor;
import kyodo.fund.access.People;
import kyodo.fund.access.Person;
import kyodo.fund.access.UserId;
import kyodo.fund.donation.Donation;
import kyodo.fund.donation.DonationDesk;
import kyodo.fund.donation.DonationId;
import kyodo.fund.donation.Donations;
import kyodo.fund.problem.FundApi;
import kyodo.fund.problem.Refusal;
import kyodo.fund.problem.Refused;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Receipt and statement PDFs: each donor gets their own; staff and auditors any. */
@RestController
@FundApi
class ReceiptController {
    private final DonationDesk desk;
    private final Donations donations;
    private final Receipts receipts;
    private final People people;

    ReceiptController(DonationDesk desk, Donations donations, Receipts receipts, People people) {
        this.desk = desk;
        this.donations = donations;
        this.receipts = receipts;
        this.people = people;
    }

    @GetMapping("/api/fund/donations/{id}/receipt.pdf")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> receipt(@PathVariable long id) {
        Donation donation = desk.get(Actor.required(), new DonationId(id));
        if (donation.receiptNumber() == null) {
            throw new Refused(Refusal.WRONG_STATE, "donation " + id + " is not confirmed");
        }
        return pdf(receipts.receipt(donation), "receipt-" + donation.receiptNumberText() + ".pdf");
    }

    @GetMapping("/api/fund/donations/statement/{fiscalYear}.pdf")
    @PreAuthorize("hasAnyRole('DONOR', 'RESIDENT')")
    ResponseEntity<byte[]> myStatement(@PathVariable int fiscalYear) {
        return statement(Actor.required().userId(), fiscalYear);
    }

    /** A donor's statement by the username staff know them by; nobody of that name has none. */
    @GetMapping("/api/fund/donors/{username}/statement/{fiscalYear}.pdf")
    @PreAuthorize("hasAnyRole('STAFF', 'AUDITOR')")
    ResponseEntity<byte[]> statementOf(@PathVariable String username, @PathVariable int fiscalYear) {
        UserId donor = people.byUsername(username).map(Person::id)
                .orElseThrow(() -> Refused.notFound("no confirmed donations in fiscal year " + fiscalYear));
        return statement(donor, fiscalYear);
    }

    private ResponseEntity<byte[]> statement(UserId userId, int fiscalYear) {
        if (fiscalYear < FiscalYear.YEAR_MIN || fiscalYear > FiscalYear.YEAR_MAX) {
            throw Refused.invalid("fiscalYear must be " + FiscalYear.YEAR_MIN + ".." + FiscalYear.YEAR_MAX);
        }
        FiscalYear year = new FiscalYear(fiscalYear);
        List<Donation> confirmed = donations.confirmedFor(userId, year.firstDay(), year.lastDay());
        if (confirmed.isEmpty()) {
            throw Refused.notFound("no confirmed donations in fiscal year " + fiscalYear);
        }
        String name = confirmed.get(confirmed.size() - 1).donorName();
        return pdf(receipts.statement(name, year, confirmed), "statement-" + fiscalYear + ".pdf");
    }

    private static ResponseEntity<byte[]> pdf(byte[] bytes, String filename) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(bytes);
    }
}
