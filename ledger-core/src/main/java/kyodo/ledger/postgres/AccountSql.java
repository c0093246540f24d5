package kyodo.ledger.postgres;

import kyodo.ledger.AccountId;
import kyodo.ledger.AccountQuery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link AccountQuery} as conditions on the {@code account} table, saying in SQL what
 * {@link AccountQuery#matches} says in Java (the model-based test holds the two to each other).
 */
final class AccountSql {
    private interface Binder {
        int bind(Connection connection, PreparedStatement statement, int index) throws SQLException;
    }

    private final String condition;
    private final List<Binder> binders;

    private AccountSql(String condition, List<Binder> binders) {
        this.condition = condition;
        this.binders = binders;
    }

    static AccountSql of(AccountQuery query) {
        StringBuilder sql = new StringBuilder();
        List<Binder> binders = new ArrayList<>();
        if (query.ownerKind() != null) {
            sql.append(" and owner_kind = ?");
            binders.add((c, s, i) -> {
                s.setString(i, query.ownerKind().name());
                return i + 1;
            });
        }
        if (query.ownerId() != null) {
            sql.append(" and owner_id = ?");
            binders.add((c, s, i) -> {
                s.setLong(i, query.ownerId());
                return i + 1;
            });
        }
        if (query.purpose() != null) {
            sql.append(" and purpose = ?");
            binders.add((c, s, i) -> {
                s.setString(i, query.purpose().name());
                return i + 1;
            });
        }
        if (query.asset() != null) {
            sql.append(" and asset = ?");
            binders.add((c, s, i) -> {
                s.setString(i, query.asset().code());
                return i + 1;
            });
        }
        if (query.vintageThrough() != null) {
            sql.append(" and vintage <= ?");
            binders.add((c, s, i) -> {
                s.setObject(i, query.vintageThrough().atDay(1));
                return i + 1;
            });
        }
        if (query.codePrefix() != null) {
            // Codes collate "C", so a prefix pattern is a range on the unique index of codes.
            sql.append(" and code like ? escape '\\'");
            String pattern = query.codePrefix().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            binders.add((c, s, i) -> {
                s.setString(i, pattern);
                return i + 1;
            });
        }
        if (query.openedBy() != null) {
            sql.append(" and opened_at <= ?");
            binders.add((c, s, i) -> {
                Rows.setInstant(s, i, query.openedBy());
                return i + 1;
            });
        }
        if (query.holdingOnly()) {
            // Totals.available: the posted balance in the normal direction less pending legs that would reduce it.
            sql.append(" and case when kind in ('ASSET', 'EXPENSE')"
                    + " then debits_posted - credits_posted - credits_pending"
                    + " else credits_posted - debits_posted - debits_pending end > 0");
        }
        if (query.ids() != null) {
            sql.append(" and id = any (?)");
            Long[] ids = query.ids().stream().map(AccountId::value).toArray(Long[]::new);
            binders.add((c, s, i) -> {
                s.setArray(i, c.createArrayOf("bigint", ids));
                return i + 1;
            });
        }
        return new AccountSql(sql.toString(), binders);
    }

    /** The conditions, each starting with {@code " and "}; empty when the query selects every account. */
    String condition() {
        return condition;
    }

    /** Binds the conditions' parameters from {@code index} on; returns the next free index. */
    int bind(Connection connection, PreparedStatement statement, int index) throws SQLException {
        int i = index;
        for (Binder binder : binders) {
            i = binder.bind(connection, statement, i);
        }
        return i;
    }
}
