package kyodo.fund.directory;

import kyodo.fund.access.UserId;

import java.time.Instant;

/**
 * An invitation to coordinate a group: a coordinator names someone, who becomes a coordinator only by accepting it
 * after signing in. Who coordinates a group decides who may not review or verify it, so nobody is listed without
 * their consent.
 */
public record Invitation(InvitationId id, GroupId group, UserId invitee, UserId invitedBy, Instant invitedAt,
                         Status status, Instant answeredAt) {
    /** Open invitations per group at once; more is not a group's coordination but a list of names. */
    public static final int PENDING_PER_GROUP_MAX = Group.COORDINATORS_MAX;

    public enum Status { PENDING, ACCEPTED, DECLINED, WITHDRAWN }

    public boolean pending() {
        return status == Status.PENDING;
    }
}
