package kyodo.fund.directory;

import kyodo.fund.access.UserId;
import kyodo.fund.books.Field;

import java.time.Instant;
import java.util.Set;

/**
 * A civic group (社会貢献活動団体) as registered in the one group registry: the fund's applicant and the currency's
 * activity organiser and wallet holder. Only {@link Status#VERIFIED} groups are public, may apply and post
 * activities; its coordinators act for it (and spend its points wallet). {@code verificationNote} is what the staff
 * member who decided the registration checked (null while it is undecided).
 */
public record Group(GroupId id, String name, GroupType type, String representative, String contact, Field field,
                    String description, Status status, UserId registeredBy, Instant registeredAt,
                    UserId verifiedBy, Instant verifiedAt, String verificationNote, Set<UserId> coordinators) {
    public static final int NAME_LENGTH_MAX = 200;
    public static final int REPRESENTATIVE_LENGTH_MAX = 100;
    public static final int CONTACT_LENGTH_MAX = 200;
    public static final int DESCRIPTION_LENGTH_MAX = 4000;
    public static final int COORDINATORS_MAX = 20;
    /** What the verifying staff member checked, in their words. */
    public static final int VERIFICATION_NOTE_LENGTH_MAX = 1000;

    public enum Status { REGISTERED, VERIFIED, REJECTED }

    public Group {
        coordinators = Set.copyOf(coordinators);
    }

    public boolean verified() {
        return status == Status.VERIFIED;
    }

    public boolean coordinatedBy(UserId userId) {
        return coordinators.contains(userId);
    }
}
