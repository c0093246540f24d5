package kyodo.ledger.postgres;

import kyodo.ledger.Account;
import kyodo.ledger.AccountClass;
import kyodo.ledger.AccountFlag;
import kyodo.ledger.AccountId;
import kyodo.ledger.AccountKind;
import kyodo.ledger.AccountOwner;
import kyodo.ledger.AccountPurpose;
import kyodo.ledger.Asset;
import kyodo.ledger.JournalLeg;
import kyodo.ledger.LegKind;
import kyodo.ledger.Totals;
import kyodo.ledger.calendar.FiscalYear;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;

/** Mapping between the ledger's tables and its values, in one place so every query reads rows the same way. */
final class Rows {
    static final String CLASS_COLUMNS = "owner_kind, owner_id, purpose, vintage, fiscal_year";

    static final String ACCOUNT_COLUMNS = "id, code, asset, kind, flags, balance_limit, debits_posted, "
            + "credits_posted, debits_pending, credits_pending, opened_at, " + CLASS_COLUMNS;

    static final String LEG_COLUMNS = "sequence, leg_index, kind, debit_account_id, credit_account_id, asset, "
            + "amount, released_amount, pending_sequence, pending_leg_index, expires_at";

    private Rows() {
    }

    static Account account(ResultSet rs, Map<String, Asset> assets) throws SQLException {
        long limit = rs.getLong("balance_limit");
        Long balanceLimit = rs.wasNull() ? null : limit;
        return new Account(
                new AccountId(rs.getLong("id")),
                rs.getString("code"),
                asset(assets, rs.getString("asset")),
                AccountKind.valueOf(rs.getString("kind")),
                AccountFlag.fromBits(rs.getInt("flags")),
                balanceLimit,
                new Totals(rs.getLong("debits_posted"), rs.getLong("credits_posted"),
                        rs.getLong("debits_pending"), rs.getLong("credits_pending")),
                instant(rs, "opened_at"),
                accountClass(rs));
    }

    /** The class columns ({@link #CLASS_COLUMNS}) of an account row. */
    static AccountClass accountClass(ResultSet rs) throws SQLException {
        long ownerId = rs.getLong("owner_id");
        Long owner = rs.wasNull() ? null : ownerId;
        LocalDate vintage = rs.getObject("vintage", LocalDate.class);
        int fiscalYear = rs.getInt("fiscal_year");
        FiscalYear year = rs.wasNull() ? null : new FiscalYear(fiscalYear);
        return new AccountClass(new AccountOwner(AccountOwner.Kind.valueOf(rs.getString("owner_kind")), owner),
                AccountPurpose.valueOf(rs.getString("purpose")), vintage == null ? null : YearMonth.from(vintage),
                year);
    }

    static JournalLeg leg(ResultSet rs, Map<String, Asset> assets) throws SQLException {
        long pendingSequence = rs.getLong("pending_sequence");
        int pendingLeg = rs.wasNull() ? -1 : rs.getInt("pending_leg_index");
        return new JournalLeg(
                rs.getInt("leg_index"),
                LegKind.ofLetter(rs.getString("kind").charAt(0)),
                new AccountId(rs.getLong("debit_account_id")),
                new AccountId(rs.getLong("credit_account_id")),
                asset(assets, rs.getString("asset")),
                rs.getLong("amount"),
                rs.getLong("released_amount"),
                pendingSequence,
                pendingLeg,
                instant(rs, "expires_at"));
    }

    static Asset asset(Map<String, Asset> assets, String code) {
        Asset asset = assets.get(code);
        if (asset == null) {
            throw new IllegalStateException("asset " + code + " is used by the books but not registered");
        }
        return asset;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    /** The first moment the books can tell apart after {@code instant} (they keep microseconds). */
    static Instant justAfter(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS).plusNanos(1_000);
    }

    static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, instant == null ? null : instant.atOffset(ZoneOffset.UTC));
    }
}
