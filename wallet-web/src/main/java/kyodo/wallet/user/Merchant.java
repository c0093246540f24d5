package kyodo.wallet.user;

import kyodo.fund.access.UserId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;

/** A shop or ward facility that accepts points; its registered name is what residents see before paying. */
@Table("merchant")
public record Merchant(@Id MerchantId id, UserId ownerId, String name, MerchantStatus status, UserId approvedBy,
                       Instant createdAt, @Version Long version) {
    public static final int NAME_LENGTH_MAX = 100;

    public static Merchant apply(UserId ownerId, String name, Instant now) {
        return new Merchant(null, ownerId, name, MerchantStatus.PENDING, null, now, null);
    }

    /** The shop's id, once saved. */
    public MerchantId merchantId() {
        if (id == null) {
            throw new IllegalStateException("merchant " + name + " is not saved yet");
        }
        return id;
    }

    public boolean approved() {
        return status == MerchantStatus.APPROVED;
    }

    /** Approval by a staff member who is not the owner (the database checks it again). */
    public Merchant approvedBy(UserId staffId) {
        if (staffId.equals(ownerId)) {
            throw new IllegalArgumentException("a merchant cannot be approved by its owner " + ownerId);
        }
        return new Merchant(id, ownerId, name, MerchantStatus.APPROVED, staffId, createdAt, version);
    }
}
