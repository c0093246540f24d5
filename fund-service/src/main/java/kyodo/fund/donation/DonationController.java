package kyodo.fund.donation;

import kyodo.ledger.calendar.FiscalYear;
import kyodo.fund.access.Actor;
import kyodo.fund.access.UserId;
import kyodo.fund.problem.FundApi;
import kyodo.fund.problem.Refused;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** {@code /api/fund/donations}: donors pledge and see their own; staff record, confirm and cancel. */
@RestController
@FundApi
class DonationController {
    private static final int LIST_LIMIT = Donations.PAGE_MAX;

    private final DonationDesk desk;
    private final Donations donations;

    DonationController(DonationDesk desk, Donations donations) {
        this.desk = desk;
        this.donations = donations;
    }

    @PostMapping("/api/fund/donations")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('DONOR', 'RESIDENT')")
    DonationView pledge(@RequestBody DonationDesk.Form form) {
        return DonationView.of(desk.pledge(Actor.required(), form));
    }

    /** @param donorUsername the donor's username when the donor signs in to Kyodo, else absent */
    record Recorded(DonationDesk.Form donation, String method, LocalDate receivedOn, String donorUsername) {
    }

    @PostMapping("/api/fund/donations/recorded")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('STAFF')")
    DonationView record(@RequestBody Recorded recorded) {
        return DonationView.of(desk.record(Actor.required(), recorded.donation(),
                new DonationDesk.Arrival(recorded.method(), recorded.receivedOn(), recorded.donorUsername())));
    }

    record Confirmation(String method, LocalDate receivedOn) {
    }

    @PostMapping("/api/fund/donations/{id}/confirm")
    @PreAuthorize("hasRole('STAFF')")
    DonationView confirm(@PathVariable long id, @RequestBody(required = false) Confirmation confirmation) {
        Confirmation given = confirmation == null ? new Confirmation(null, null) : confirmation;
        return DonationView.of(desk.confirm(Actor.required(), new DonationId(id),
                new DonationDesk.Arrival(given.method(), given.receivedOn(), null)));
    }

    record Cancellation(String reason) {
    }

    @PostMapping("/api/fund/donations/{id}/cancel")
    @PreAuthorize("hasRole('STAFF')")
    DonationView cancel(@PathVariable long id, @RequestBody Cancellation cancellation) {
        return DonationView.of(desk.cancel(Actor.required(), new DonationId(id), cancellation.reason()));
    }

    @PostMapping("/api/fund/donations/{id}/withdraw")
    @PreAuthorize("hasAnyRole('DONOR', 'RESIDENT', 'STAFF')")
    DonationView withdraw(@PathVariable long id) {
        return DonationView.of(desk.withdraw(Actor.required(), new DonationId(id)));
    }

    @GetMapping("/api/fund/donations/mine")
    @PreAuthorize("hasAnyRole('DONOR', 'RESIDENT')")
    List<DonationView> mine() {
        return donations.byDonor(Actor.required().userId(), LIST_LIMIT).stream().map(DonationView::of).toList();
    }

    @GetMapping("/api/fund/donations")
    @PreAuthorize("hasAnyRole('STAFF', 'AUDITOR')")
    List<DonationView> byStatus(@RequestParam(defaultValue = "PLEDGED") Donation.Status status) {
        return donations.byStatus(status, LIST_LIMIT).stream().map(DonationView::of).toList();
    }

    @GetMapping("/api/fund/donations/{id}")
    @PreAuthorize("isAuthenticated()")
    DonationView one(@PathVariable long id) {
        return DonationView.of(desk.get(Actor.required(), new DonationId(id)));
    }

    /**
     * Donors who agreed to be named, for a fiscal year: name and designation only. Amounts stay private; the
     * fund's totals are public on the books.
     */
    @GetMapping("/api/fund/donors/public")
    List<PublicDonor> publicDonors(@RequestParam int fiscalYear) {
        if (fiscalYear < FiscalYear.YEAR_MIN || fiscalYear > FiscalYear.YEAR_MAX) {
            throw Refused.invalid("fiscalYear must be " + FiscalYear.YEAR_MIN + ".." + FiscalYear.YEAR_MAX);
        }
        FiscalYear year = new FiscalYear(fiscalYear);
        return donations.publiclyNamed(year.firstDay(), year.lastDay(), LIST_LIMIT).stream()
                .map(d -> new PublicDonor(d.publicName(), d.donorType().name(), d.designation().text())).toList();
    }

    record PublicDonor(String name, String donorType, String designation) {
    }

    record DonationView(long id, Long donorUserId, String donorType, String donorName, long amount,
                        String designation, boolean anonymous, boolean publicNameConsent, String method,
                        String status, Instant pledgedAt, LocalDate receivedOn, String receiptNumber,
                        String entryKey, String reversalKey) {
        static DonationView of(Donation d) {
            return new DonationView(d.id().value(), UserId.valueOf(d.donorUserId()), d.donorType().name(),
                    d.donorName(), d.amount(), d.designation().text(), d.anonymous(), d.publicNameConsent(),
                    d.method().name(),
                    d.status().name(), d.pledgedAt(), d.receivedOn(), d.receiptNumberText(), d.entryKey(),
                    d.reversalKey());
        }
    }
}
