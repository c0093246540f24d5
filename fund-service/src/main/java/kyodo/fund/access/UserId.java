package kyodo.fund.access;

import com.fasterxml.jackson.annotation.JsonValue;

import java.io.Serializable;

/**
 * A person who signs in, by the id of their {@code app_user} row. Usernames are for signing in only: everything
 * that records who did something stores this id.
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
}
