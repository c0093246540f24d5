package kyodo.fund.access;

import com.fasterxml.jackson.annotation.JsonValue;

import java.io.Serializable;

/**
 * A person who signs in, by the id of their {@code app_user} row. Usernames are for signing in only: everything
 * that records who did something stores this id. Written as the bare number in URLs, forms and pages (and in JSON).
 */
public record UserId(@JsonValue long value) implements Serializable {
    /** What the journal records as the acting person: {@code user:<id>}, the one form every module writes. */
    public static final String JOURNAL_PREFIX = "user:";

    public UserId {
        if (value <= 0) {
            throw new IllegalArgumentException("a user id is positive, was " + value);
        }
    }

    /** The form the ledger's entries carry in their {@code actor} field. */
    public String journalActor() {
        return JOURNAL_PREFIX + value;
    }

    /** The person a journal entry's {@code actor} names, if a person (not a job) posted it. */
    public static java.util.Optional<UserId> fromJournalActor(String actor) {
        if (actor == null || !actor.startsWith(JOURNAL_PREFIX) || actor.length() > JOURNAL_PREFIX.length() + 18) {
            return java.util.Optional.empty();
        }
        String digits = actor.substring(JOURNAL_PREFIX.length());
        return digits.matches("[1-9][0-9]{0,17}") ? java.util.Optional.of(new UserId(Long.parseLong(digits)))
                : java.util.Optional.empty();
    }

    /** The id a number from a request names; empty for zero or a negative number, which name no one. */
    public static java.util.Optional<UserId> ofPositive(long value) {
        return value > 0 ? java.util.Optional.of(new UserId(value)) : java.util.Optional.empty();
    }

    /** A nullable column's value ({@code null} for no one). */
    public static UserId ofNullable(Long value) {
        return value == null ? null : new UserId(value);
    }

    /** The column value for a nullable id. */
    public static Long valueOf(UserId id) {
        return id == null ? null : id.value();
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
