package kyodo.wallet.user;

import kyodo.fund.access.UserId;
import org.springframework.data.repository.ListCrudRepository;

import java.util.Optional;

public interface Users extends ListCrudRepository<User, UserId> {
    Optional<User> findByUsername(String username);

    boolean existsByUsername(String username);
}
