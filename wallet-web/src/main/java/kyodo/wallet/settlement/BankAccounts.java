package kyodo.wallet.settlement;

import kyodo.wallet.user.MerchantId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

@Repository
public class BankAccounts {
    private static final RowMapper<BankAccount> ROW = (rs, n) -> new BankAccount(
            new MerchantId(rs.getLong("merchant_id")),
            rs.getString("bank_code"), rs.getString("bank_name_kana"), rs.getString("branch_code"),
            rs.getString("branch_name_kana"), AccountType.valueOf(rs.getString("account_type")),
            rs.getString("account_number"), rs.getString("holder_kana"), rs.getTimestamp("updated_at").toInstant());

    private final JdbcTemplate jdbc;

    public BankAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<BankAccount> find(MerchantId merchantId) {
        return jdbc.query("select * from merchant_bank_account where merchant_id = ?", ROW, merchantId.value()).stream()
                .findFirst();
    }

    public List<BankAccount> findAll(List<MerchantId> merchantIds) {
        if (merchantIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select * from merchant_bank_account where merchant_id = any (?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint",
                        merchantIds.stream().map(MerchantId::value).toArray())), ROW);
    }

    public void save(BankAccount account) {
        jdbc.update("""
                insert into merchant_bank_account (merchant_id, bank_code, bank_name_kana, branch_code, branch_name_kana,
                                                   account_type, account_number, holder_kana, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (merchant_id) do update set bank_code = excluded.bank_code,
                    bank_name_kana = excluded.bank_name_kana, branch_code = excluded.branch_code,
                    branch_name_kana = excluded.branch_name_kana, account_type = excluded.account_type,
                    account_number = excluded.account_number, holder_kana = excluded.holder_kana,
                    updated_at = excluded.updated_at, version = merchant_bank_account.version + 1
                """, account.merchantId().value(), account.bankCode(), account.bankNameKana(), account.branchCode(),
                account.branchNameKana(), account.accountType().name(), account.accountNumber(),
                account.holderKana(), Timestamp.from(account.updatedAt()));
    }
}
