package kyodo.fund.layout;

import java.util.Optional;

/**
 * The name a signed-in user is known by, for the header. The application that keeps the users provides it;
 * without one the header shows the principal name.
 */
@FunctionalInterface
public interface DisplayNames {
    /** The display name of the user with this principal name, if the user is known. */
    Optional<String> of(String principalName);
}
