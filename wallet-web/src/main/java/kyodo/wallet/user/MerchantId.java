package kyodo.wallet.user;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Optional;

/**
 * A shop or ward facility that accepts points, by the id of its {@code merchant} row; its wallet is
 * {@code wallet:merchant:<id>}. Written as the bare number in URLs, forms, pages and JSON, as the id always was.
 */
public record MerchantId(@JsonValue long value) {
    public MerchantId {
        if (value <= 0) {
            throw new IllegalArgumentException("a merchant id is positive, was " + value);
        }
    }

    /** The id a number from a request names; empty for zero or a negative number, which name no shop. */
    public static Optional<MerchantId> ofPositive(long value) {
        return value > 0 ? Optional.of(new MerchantId(value)) : Optional.empty();
    }

    /** A nullable column's value ({@code null} for no shop). */
    public static MerchantId ofNullable(Long value) {
        return value == null ? null : new MerchantId(value);
    }

    /** The column value for a nullable id. */
    public static Long valueOf(MerchantId id) {
        return id == null ? null : id.value();
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
