package kyodo.wallet.user;

import org.springframework.data.repository.ListCrudRepository;

public interface CivicGroups extends ListCrudRepository<CivicGroup, Long> {
}
