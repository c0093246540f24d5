package kyodo.fund.donation;

import kyodo.fund.access.Actor;
import kyodo.fund.access.Language;
import kyodo.fund.books.Field;
import kyodo.fund.problem.AmountText;
import kyodo.fund.problem.FundPage;
import kyodo.fund.problem.Problems;
import kyodo.fund.problem.Refused;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Donor pages: the donation form, the list of one's donations with receipts; staff: pledges to confirm. */
@Controller
@FundPage
class DonationPages {
    private static final int LIST_LIMIT = Donations.PAGE_MAX;

    private final DonationDesk desk;
    private final Donations donations;
    private final Problems problems;

    DonationPages(DonationDesk desk, Donations donations, Problems problems) {
        this.desk = desk;
        this.donations = donations;
        this.problems = problems;
    }

    @GetMapping("/fund/donate")
    @PreAuthorize("hasAnyRole('DONOR', 'RESIDENT')")
    String form(Model model) {
        model.addAttribute("fields", Field.values());
        return "fund/donate";
    }

    @PostMapping("/fund/donate")
    @PreAuthorize("hasAnyRole('DONOR', 'RESIDENT')")
    String donate(@RequestParam(required = false) String donorType, @RequestParam(required = false) String donorName,
                  @RequestParam(required = false) String donorAddress, @RequestParam(required = false) String amount,
                  @RequestParam(required = false) String designation,
                  @RequestParam(defaultValue = "false") boolean anonymous,
                  @RequestParam(defaultValue = "false") boolean publicNameConsent, Model model) {
        try {
            long yen = AmountText.yen(amount, "donation", Donation.AMOUNT_MAX);
            desk.pledge(Actor.required(), new DonationDesk.Form(donorType, donorName, donorAddress, yen,
                    designation, anonymous, publicNameConsent));
            return "redirect:/fund/donations";
        } catch (Refused refused) {
            model.addAttribute("error", problems.message(refused));
            return form(model);
        }
    }

    @GetMapping("/fund/donations")
    @PreAuthorize("hasAnyRole('DONOR', 'RESIDENT')")
    String mine(Model model) {
        model.addAttribute("donations", donations.byDonor(Actor.required().userId(), LIST_LIMIT));
        return "fund/donations";
    }

    @GetMapping("/fund/staff/pledges")
    @PreAuthorize("hasRole('STAFF')")
    String pledges(Model model) {
        model.addAttribute("donations", donations.byStatus(Donation.Status.PLEDGED, LIST_LIMIT));
        return "fund/pledges";
    }

    @PostMapping("/fund/staff/pledges/{id}/confirm")
    @PreAuthorize("hasRole('STAFF')")
    String confirm(@PathVariable long id, @RequestParam(defaultValue = "BANK_TRANSFER") String method) {
        desk.confirm(Actor.required(), new DonationId(id), new DonationDesk.Arrival(method, null, null));
        return "redirect:/fund/staff/pledges";
    }
}
