package kyodo.fund.directory;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A group of the one registry ({@code fund_group.id}); the currency's {@code wallet:group:<id>} names the same.
 * Written as the bare number in URLs, forms and pages (and in JSON), like the other typed ids.
 */
public record GroupId(@JsonValue long value) {
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
