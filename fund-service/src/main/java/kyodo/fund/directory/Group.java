package kyodo.fund.directory;

import kyodo.fund.books.Field;

import java.time.Instant;
import java.util.Set;

/** A civic group (社会貢献活動団体) as registered; only {@link Status#VERIFIED} groups are public and may apply. */
public record Group(GroupId id, String name, GroupType type, String representative, String contact, Field field,
                    String description, Status status, String registeredBy, Instant registeredAt, String verifiedBy,
                    Instant verifiedAt, Set<String> coordinators) {
    public static final int NAME_LENGTH_MAX = 200;
    public static final int REPRESENTATIVE_LENGTH_MAX = 100;
    public static final int CONTACT_LENGTH_MAX = 200;
    public static final int DESCRIPTION_LENGTH_MAX = 4000;
    public static final int COORDINATORS_MAX = 20;

    public enum Status { REGISTERED, VERIFIED, REJECTED }

    public Group {
        coordinators = Set.copyOf(coordinators);
    }

    public boolean verified() {
        return status == Status.VERIFIED;
    }

    public boolean coordinatedBy(String userId) {
        return coordinators.contains(userId);
    }
}
