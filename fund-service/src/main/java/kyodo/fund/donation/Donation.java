package kyodo.fund.donation;

import kyodo.fund.access.UserId;
import kyodo.fund.books.Designation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One donation and where it stands. A pledge is not on the books; confirming it posts the entry and numbers the
 * receipt; cancelling posts a reversing entry and keeps the row.
 *
 * @param donorUserId the donor's user id when the donor has an account, else {@code null} (staff-recorded)
 * @param receiptNumber the receipt's number within {@code receiptFiscalYear}, once confirmed
 */
public record Donation(DonationId id, UserId donorUserId, DonorType donorType, String donorName,
                       String donorAddress, long amount, Designation designation, boolean anonymous,
                       boolean publicNameConsent, Method method, Status status, Instant pledgedAt, UserId recordedBy,
                       Instant confirmedAt, UserId confirmedBy, LocalDate receivedOn, String entryKey,
                       Integer receiptFiscalYear, Integer receiptNumber, Instant cancelledAt, UserId cancelledBy,
                       String cancelReason, String reversalKey) {
    public static final long AMOUNT_MAX = 1_000_000_000L;
    public static final int DONOR_NAME_LENGTH_MAX = 200;
    public static final int DONOR_ADDRESS_LENGTH_MAX = 300;
    public static final int CANCEL_REASON_LENGTH_MAX = 500;

    public enum DonorType { INDIVIDUAL, COMPANY }

    public enum Method { BANK_TRANSFER, CASH, ONLINE_PLEDGE }

    public enum Status { PLEDGED, CONFIRMED, CANCELLED, WITHDRAWN }

    /** The receipt number as printed: fiscal year and a six-digit serial, e.g. {@code 2026-000123}. */
    public String receiptNumberText() {
        return receiptNumber == null ? null : String.format("%d-%06d", receiptFiscalYear, receiptNumber);
    }

    /** The name the public may see, if any. */
    public String publicName() {
        return !anonymous && publicNameConsent ? donorName : null;
    }
}
