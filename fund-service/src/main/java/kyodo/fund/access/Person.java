package kyodo.fund.access;

/** Who a {@link UserId} is, for pages: the sign-in name (which staff type) and the name shown to people. */
public record Person(UserId id, String username, String displayName) {
}
