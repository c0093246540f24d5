package kyodo.fund.access;

/**
 * Who a {@link UserId} is, for pages and rules: the sign-in name (which staff type), the name shown to people, and
 * the one role they act with (a program's reviewers must be committee members).
 */
public record Person(UserId id, String username, String displayName, Role role) {
}
