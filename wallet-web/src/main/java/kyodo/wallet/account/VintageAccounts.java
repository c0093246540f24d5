package kyodo.wallet.account;

import kyodo.ledger.AccountId;
import kyodo.ledger.Ledger;
import kyodo.wallet.KyodoApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the ledger's wallet accounts by code. The ledger interface finds one account by its code; a wallet is
 * every account whose code starts with the wallet's, so these reads go to the ledger's {@code account} table
 * directly (read only: totals are written by the ledger's writer alone). Codes collate "C", so a prefix is a
 * range on the unique index.
 */
@Repository
public class VintageAccounts {
    /** More vintages than any wallet can hold in years; a bound on one read. */
    public static final int PER_OWNER_MAX = 1_000;
    public static final int SWEEP_BATCH_MAX = 1_000;

    private final JdbcClient jdbc;
    private final long ledgerId;

    public VintageAccounts(JdbcClient jdbc, Ledger ledger) {
        this.jdbc = jdbc;
        this.ledgerId = ledger.id().value();
    }

    /** The owner's vintage accounts (and legacy account, if any), oldest first, with their balances now. */
    public List<VintageAccount> of(WalletOwner owner) {
        String base = owner.accountCode();
        List<VintageAccount> found = new ArrayList<>(jdbc.sql("""
                        select id, code, debits_posted, credits_posted, debits_pending, opened_at from account
                        where ledger_id = :ledger and (code = :base or (code > :from and code < :to))
                        order by code limit :limit""")
                .param("ledger", ledgerId).param("base", base).param("from", base + ":")
                .param("to", base + ";").param("limit", PER_OWNER_MAX)
                .query((rs, n) -> row(rs)).list().stream().flatMap(Optional::stream).toList());
        found.sort(VintageAccount.OLDEST_FIRST);
        return found;
    }

    /**
     * Resident and group vintage accounts of {@code lastExpired} or older that still hold points, oldest first:
     * what the expiry job has to sweep.
     */
    public List<VintageAccount> expiredWithBalance(YearMonth lastExpired, int limit) {
        List<VintageAccount> found = new ArrayList<>(jdbc.sql("""
                        select id, code, debits_posted, credits_posted, debits_pending, opened_at from account
                        where ledger_id = :ledger and code > 'wallet:' and code < 'wallet;'
                          and code ~ '^wallet:(resident|group):[0-9]+(:[0-9]{4}-[0-9]{2})?$'
                          and credits_posted - debits_posted - debits_pending > 0
                          and coalesce(substring(code from ':([0-9]{4}-[0-9]{2})$'),
                                       to_char(opened_at at time zone :zone, 'YYYY-MM')) <= :last
                        order by id limit :limit""")
                .param("ledger", ledgerId).param("zone", KyodoApplication.WARD_ZONE.getId())
                .param("last", lastExpired.toString()).param("limit", Math.min(limit, SWEEP_BATCH_MAX))
                .query((rs, n) -> row(rs)).list().stream().flatMap(Optional::stream).toList());
        found.sort(VintageAccount.OLDEST_FIRST);
        return found;
    }

    private static Optional<VintageAccount> row(ResultSet rs) throws SQLException {
        String code = rs.getString("code");
        Optional<WalletOwner> owner = WalletOwner.fromAccountCode(code);
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        Optional<YearMonth> vintage = WalletOwner.vintageOf(code);
        boolean legacy = code.equals(owner.get().accountCode());
        if (vintage.isEmpty() && !legacy) {
            return Optional.empty();
        }
        YearMonth opened = YearMonth.from(rs.getTimestamp("opened_at").toInstant().atZone(KyodoApplication.WARD_ZONE));
        YearMonth month = vintage.orElse(opened);
        long posted = Math.subtractExact(rs.getLong("credits_posted"), rs.getLong("debits_posted"));
        long available = Math.subtractExact(posted, rs.getLong("debits_pending"));
        return Optional.of(new VintageAccount(new AccountId(rs.getLong("id")), code, owner.get(), month, legacy,
                posted, available, rs.getLong("credits_posted")));
    }
}
