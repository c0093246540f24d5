package kyodo.fund.donation;

import kyodo.ledger.calendar.FiscalYear;
import kyodo.fund.access.Actor;
import kyodo.fund.access.People;
import kyodo.fund.access.Role;
import kyodo.fund.access.UserId;
import kyodo.fund.books.Designation;
import kyodo.fund.books.FundBooks;
import kyodo.fund.directory.GroupId;
import kyodo.fund.document.PrintableNames;
import kyodo.fund.directory.Groups;
import kyodo.fund.problem.Inputs;
import kyodo.fund.problem.Refusal;
import kyodo.fund.problem.Refused;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.PostResult;
import kyodo.ledger.ResultCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The donation use cases. Confirming and cancelling lock the donation row, post with the donation's own
 * idempotency key, then record the new state in the same transaction: if the transaction fails after the
 * ledger posted, a retried confirm finds the entry under the donation's key, posts nothing new and finishes the
 * row, and a withdrawal of that pledge is refused.
 */
@Service
public class DonationDesk {
    private final Donations donations;
    private final Groups groups;
    private final FundBooks books;
    private final People people;
    private final Clock clock;

    DonationDesk(Donations donations, Groups groups, FundBooks books, People people, Clock clock) {
        this.donations = donations;
        this.groups = groups;
        this.books = books;
        this.people = people;
        this.clock = clock;
    }

    /** What a donor (or staff on the donor's behalf) says about a donation. */
    public record Form(String donorType, String donorName, String donorAddress, Long amount, String designation,
                       Boolean anonymous, Boolean publicNameConsent) {
    }

    /**
     * Staff recording money that arrived: how, when, and optionally the donor's username (when the donor signs in,
     * so the donation shows among theirs).
     */
    public record Arrival(String method, LocalDate receivedOn, String donorUsername) {
    }

    /** An online pledge by the signed-in donor; it is on the books once staff confirm the money arrived. */
    @Transactional
    public Donation pledge(Actor donor, Form form) {
        Valid valid = validate(form);
        DonationId id = donations.insert(donor.userId(), valid.type, valid.name, valid.address, valid.amount,
                valid.designation, valid.anonymous, valid.consent, Donation.Method.ONLINE_PLEDGE, clock.instant(),
                donor.userId());
        return donations.find(id).orElseThrow();
    }

    /** Staff record a donation that already arrived: it is confirmed at once. */
    @Transactional
    public Donation record(Actor staff, Form form, Arrival arrival) {
        Valid valid = validate(form);
        Donation.Method method = method(arrival);
        UserId donorUserId = arrival.donorUsername() == null || arrival.donorUsername().isBlank() ? null
                : Inputs.user(people, "donorUsername", arrival.donorUsername());
        DonationId id = donations.insert(donorUserId, valid.type, valid.name, valid.address, valid.amount,
                valid.designation, valid.anonymous, valid.consent, method, clock.instant(), staff.userId());
        return confirm(staff, id, arrival);
    }

    /** Staff confirm that a pledge's money arrived: the donation goes on the books and gets its receipt number. */
    @Transactional
    public Donation confirm(Actor staff, DonationId id, Arrival arrival) {
        Donation donation = donations.lock(id).orElseThrow(() -> Refused.notFound("donation " + id.value()));
        if (donation.status() != Donation.Status.PLEDGED) {
            throw new Refused(Refusal.WRONG_STATE, "donation " + id.value() + " is " + donation.status());
        }
        Donation.Method method = donation.method() == Donation.Method.ONLINE_PLEDGE && arrival.method() == null
                ? Donation.Method.BANK_TRANSFER : method(arrival);
        LocalDate today = LocalDate.now(clock);
        LocalDate receivedOn = arrival.receivedOn() == null ? today : arrival.receivedOn();
        if (receivedOn.isAfter(today)) {
            throw Refused.invalid("receivedOn must not be in the future");
        }
        if (receivedOn.isBefore(today.minusYears(1))) {
            throw Refused.invalid("receivedOn must be within the last year");
        }
        UserId confirmedBy = postOrAdopt(id.entryKey(), staff,
                entry -> books.isDonation(entry, donation.designation(), donation.amount()),
                () -> books.donate(id.entryKey(), donation.designation(), donation.amount(), staff.journalActor(),
                        "寄附 " + id.value()),
                "donation " + id.value());
        FiscalYear year = FiscalYear.containing(receivedOn);
        int number = donations.nextReceiptNumber(year.year());
        donations.confirmed(id, clock.instant(), confirmedBy, receivedOn, id.entryKey(), year.year(), number,
                method);
        return donations.find(id).orElseThrow();
    }

    /**
     * Cancels a confirmed donation with a reversing entry (kind REVERSAL): the row stays, marked cancelled. Refused
     * when its designation no longer holds the amount because awards have committed it. A retry after an
     * interrupted cancel, by any staff member, adopts the reversal already on the books.
     */
    @Transactional
    public Donation cancel(Actor staff, DonationId id, String reason) {
        String why = Inputs.text("reason", reason, Donation.CANCEL_REASON_LENGTH_MAX);
        Donation donation = donations.lock(id).orElseThrow(() -> Refused.notFound("donation " + id.value()));
        if (donation.status() != Donation.Status.CONFIRMED) {
            throw new Refused(Refusal.WRONG_STATE, "donation " + id.value() + " is " + donation.status());
        }
        UserId cancelledBy = postOrAdopt(id.reversalKey(), staff,
                entry -> books.isDonationReversal(entry, donation.designation(), donation.amount()),
                () -> books.reverseDonation(id.reversalKey(), donation.designation(), donation.amount(),
                        staff.journalActor(), "寄附取消 " + id.value()),
                "the cancellation of donation " + id.value());
        donations.cancelled(id, clock.instant(), cancelledBy, why, id.reversalKey());
        return donations.find(id).orElseThrow();
    }

    /**
     * A pledge that never arrived is withdrawn by its donor or by staff; nothing was on the books. Refused when an
     * interrupted confirm already put it on the books.
     */
    @Transactional
    public Donation withdraw(Actor actor, DonationId id) {
        Donation donation = donations.lock(id).orElseThrow(() -> Refused.notFound("donation " + id.value()));
        visibleTo(actor, donation);
        if (!actor.is(Role.STAFF) && !actor.userId().equals(donation.donorUserId())) {
            throw new Refused(Refusal.FORBIDDEN, "only the donor or staff withdraw a pledge");
        }
        if (donation.status() != Donation.Status.PLEDGED) {
            throw new Refused(Refusal.WRONG_STATE, "donation " + id.value() + " is " + donation.status());
        }
        if (books.entry(id.entryKey()).isPresent()) {
            // A confirm posted it and failed before recording so; the money is on the books and staff must finish
            // the confirmation (retrying confirm adopts the entry). Withdrawing now would orphan the entry.
            throw new Refused(Refusal.WRONG_STATE, "donation " + id.value() + " is already on the books; "
                    + "staff must finish confirming it");
        }
        donations.withdrawn(id, clock.instant(), actor.userId());
        return donations.find(id).orElseThrow();
    }

    /** A donation as {@code actor} may see it: the donor's own, or any for staff and auditors. Others: not found. */
    public Donation get(Actor actor, DonationId id) {
        Donation donation = donations.find(id).orElseThrow(() -> Refused.notFound("donation " + id.value()));
        visibleTo(actor, donation);
        return donation;
    }

    private static void visibleTo(Actor actor, Donation donation) {
        boolean own = donation.donorUserId() != null && donation.donorUserId().equals(actor.userId());
        if (!own && !actor.isAny(Role.STAFF, Role.AUDITOR)) {
            // Not found rather than forbidden: a stranger learns nothing about which donations exist.
            throw Refused.notFound("donation " + donation.id().value());
        }
    }

    /**
     * Posts the entry under {@code key}, or adopts the one already there: an earlier attempt may have posted and
     * then failed before its row update committed. Whoever retries adopts it (even another staff member, whose
     * request would not match the original's digest), provided it is the entry this step posts. Returns who
     * posted it, for the row (the retrying staff member when the entry names no person).
     */
    private UserId postOrAdopt(String key, Actor staff, Predicate<JournalEntry> isThisStep, Supplier<PostResult> post,
                               String step) {
        Optional<JournalEntry> earlier = books.entry(key);
        if (earlier.isEmpty()) {
            requireOnTheBooks(post.get());
            return staff.userId();
        }
        if (!isThisStep.test(earlier.get())) {
            throw new Refused(Refusal.BOOKS_REFUSED, "entry " + key + " on the books does not match " + step);
        }
        return UserId.fromJournalActor(earlier.get().actor()).orElse(staff.userId());
    }

    static void requireOnTheBooks(PostResult result) {
        if (result.onTheBooks()) {
            return;
        }
        if (result.code() == ResultCode.INSUFFICIENT_FUNDS) {
            throw new Refused(Refusal.INSUFFICIENT_FUNDS, "the books answered " + result.code());
        }
        throw new Refused(Refusal.BOOKS_REFUSED, "the books answered " + result.code());
    }

    private record Valid(Donation.DonorType type, String name, String address, long amount, Designation designation,
                         boolean anonymous, boolean consent) {
    }

    private Valid validate(Form form) {
        Inputs.required("donation", form);
        Donation.DonorType type;
        try {
            type = Donation.DonorType.valueOf(Inputs.required("donorType", form.donorType()));
        } catch (IllegalArgumentException e) {
            throw Refused.invalid("donorType must be INDIVIDUAL or COMPANY");
        }
        String name = printable("donorName", Inputs.name("donorName", form.donorName(),
                Donation.DONOR_NAME_LENGTH_MAX));
        String address = printable("donorAddress", Inputs.optionalName("donorAddress", form.donorAddress(),
                Donation.DONOR_ADDRESS_LENGTH_MAX));
        long amount = Inputs.amount("amount", form.amount(), 1, Donation.AMOUNT_MAX);
        Designation designation = Designation.parse(form.designation() == null ? "general" : form.designation())
                .orElseThrow(() -> Refused.invalid("designation must be general, field:<field> or group:<id>"));
        if (designation instanceof Designation.ForGroup group
                && groups.find(new GroupId(group.groupId())).filter(g -> g.verified()).isEmpty()) {
            throw new Refused(Refusal.GROUP_NOT_VERIFIED, "group " + group.groupId() + " is not a verified group");
        }
        boolean anonymous = Boolean.TRUE.equals(form.anonymous());
        boolean consent = !anonymous && Boolean.TRUE.equals(form.publicNameConsent());
        return new Valid(type, name, address, amount, designation, anonymous, consent);
    }

    /**
     * A name or address the receipt will carry: refused, naming the character, unless every character is one a
     * receipt prints ({@link PrintableNames}: JIS X 0213, Latin letters, the MJ ideographs), so an emoji is refused
     * where it is typed rather than breaking the receipt later.
     */
    private static String printable(String field, String text) {
        int refused = PrintableNames.firstRefused(text);
        if (refused >= 0) {
            throw new Refused(Refusal.NAME_NOT_PRINTABLE, field + " holds " + PrintableNames.describe(refused)
                    + ", which a receipt cannot carry");
        }
        return text;
    }

    private static Donation.Method method(Arrival arrival) {
        String method = Inputs.required("method", arrival.method());
        if (method.equals("BANK_TRANSFER")) {
            return Donation.Method.BANK_TRANSFER;
        }
        if (method.equals("CASH")) {
            return Donation.Method.CASH;
        }
        throw Refused.invalid("method must be BANK_TRANSFER or CASH");
    }
}
