package kyodo.wallet.user;

import org.springframework.data.repository.ListCrudRepository;

import java.util.Optional;

public interface Users extends ListCrudRepository<User, Long> {
    Optional<User> findByUsername(String username);

    boolean existsByUsername(String username);
}
