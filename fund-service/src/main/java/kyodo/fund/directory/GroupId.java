package kyodo.fund.directory;

import com.fasterxml.jackson.annotation.JsonValue;

/** A group of the one registry ({@code fund_group.id}); the currency's {@code wallet:group:<id>} names the same. */
public record GroupId(@JsonValue long value) {
}
