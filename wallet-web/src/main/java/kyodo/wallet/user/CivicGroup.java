package kyodo.wallet.user;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;

/** A civic group (団体) that residents can give points to; its coordinator signs in as a user. */
@Table("civic_group")
public record CivicGroup(@Id Long id, String name, Long coordinatorId, Instant createdAt, @Version Long version) {
    public static CivicGroup create(String name, long coordinatorId, Instant now) {
        return new CivicGroup(null, name, coordinatorId, now, null);
    }
}
