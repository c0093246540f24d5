package kyodo.wallet.user;

import org.springframework.data.repository.ListCrudRepository;

import java.util.List;
import java.util.Optional;

public interface Merchants extends ListCrudRepository<Merchant, Long> {
    Optional<Merchant> findByOwnerId(long ownerId);

    List<Merchant> findByStatusOrderById(MerchantStatus status);
}
