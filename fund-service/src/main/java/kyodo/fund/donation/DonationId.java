package kyodo.fund.donation;

public record DonationId(long value) {
    /** The idempotency key of the entry that puts this donation on the books. */
    public String entryKey() {
        return "fund-donation-" + value;
    }

    public String reversalKey() {
        return "fund-donation-" + value + "-reversal";
    }
}
