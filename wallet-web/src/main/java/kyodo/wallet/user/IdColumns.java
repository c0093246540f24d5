package kyodo.wallet.user;

import kyodo.fund.access.UserId;
import kyodo.fund.directory.GroupId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import org.springframework.data.jdbc.repository.config.JdbcConfiguration;

import java.util.List;

/**
 * Lets the wallet's Spring Data aggregates hold typed ids ({@link UserId}, {@link MerchantId}, {@link GroupId})
 * where their tables keep {@code bigint} columns: each is written as its number and read back typed. The dialect's
 * own conversions are kept (Spring Boot's default would be replaced by this bean otherwise without them).
 */
@Configuration(proxyBeanMethods = false)
class IdColumns {
    @Bean
    JdbcCustomConversions jdbcCustomConversions(JdbcDialect dialect) {
        return JdbcConfiguration.createCustomConversions(dialect, List.of(
                UserIdToLong.INSTANCE, LongToUserId.INSTANCE, MerchantIdToLong.INSTANCE, LongToMerchantId.INSTANCE,
                GroupIdToLong.INSTANCE, LongToGroupId.INSTANCE));
    }

    @WritingConverter
    enum UserIdToLong implements Converter<UserId, Long> {
        INSTANCE;

        @Override
        public Long convert(UserId id) {
            return id.value();
        }
    }

    @ReadingConverter
    enum LongToUserId implements Converter<Long, UserId> {
        INSTANCE;

        @Override
        public UserId convert(Long value) {
            return new UserId(value);
        }
    }

    @WritingConverter
    enum MerchantIdToLong implements Converter<MerchantId, Long> {
        INSTANCE;

        @Override
        public Long convert(MerchantId id) {
            return id.value();
        }
    }

    @ReadingConverter
    enum LongToMerchantId implements Converter<Long, MerchantId> {
        INSTANCE;

        @Override
        public MerchantId convert(Long value) {
            return new MerchantId(value);
        }
    }

    @WritingConverter
    enum GroupIdToLong implements Converter<GroupId, Long> {
        INSTANCE;

        @Override
        public Long convert(GroupId id) {
            return id.value();
        }
    }

    @ReadingConverter
    enum LongToGroupId implements Converter<Long, GroupId> {
        INSTANCE;

        @Override
        public GroupId convert(Long value) {
            return new GroupId(value);
        }
    }
}
