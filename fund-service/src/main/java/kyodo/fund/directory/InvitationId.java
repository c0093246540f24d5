package kyodo.fund.directory;

import com.fasterxml.jackson.annotation.JsonValue;

/** An invitation to coordinate a group ({@code fund_group_invitation.id}). */
public record InvitationId(@JsonValue long value) {
}
