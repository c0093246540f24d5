package kyodo.wallet.user;

import kyodo.fund.layout.DisplayNames;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The layout's header names the signed-in user by the display name they signed up with. */
@Component
class UserDisplayNames implements DisplayNames {
    private final Users users;

    UserDisplayNames(Users users) {
        this.users = users;
    }

    @Override
    public Optional<String> of(String principalName) {
        return users.findByUsername(principalName).map(User::displayName);
    }
}
