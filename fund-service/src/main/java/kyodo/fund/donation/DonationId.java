package kyodo.fund.donation;

import com.fasterxml.jackson.annotation.JsonValue;

public record DonationId(@JsonValue long value) {
    /** The idempotency key of the entry that puts this donation on the books. */
    public String entryKey() {
        return "fund-donation-" + value;
    }

    public String reversalKey() {
        return "fund-donation-" + value + "-reversal";
    }
}
