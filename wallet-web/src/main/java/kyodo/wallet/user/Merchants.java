package kyodo.wallet.user;

import kyodo.fund.access.UserId;
import org.springframework.data.repository.ListCrudRepository;

import java.util.List;
import java.util.Optional;

public interface Merchants extends ListCrudRepository<Merchant, MerchantId> {
    Optional<Merchant> findByOwnerId(UserId ownerId);

    List<Merchant> findByStatusOrderById(MerchantStatus status);
}
