package kyodo.ledger;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Set;

/**
 * Which accounts a read selects, by their class and a few facts of the books; every part is optional (null or
 * false: no condition) and the parts are combined with "and". Built from {@link #all()} or {@link #ids} with the
 * withers. Both ledgers answer with {@link #matches}; the PostgreSQL ledger says the same in SQL.
 *
 * @param vintageThrough only vintages of this month or older
 * @param codePrefix     only accounts whose code starts with this (the auditor's search by code)
 * @param openedBy       only accounts opened at or before this moment
 * @param holdingOnly    only accounts with something available to give (available balance above zero)
 * @param ids            only these accounts (at most {@link #IDS_MAX})
 */
public record AccountQuery(AccountOwner.Kind ownerKind, Long ownerId, AccountPurpose purpose, Asset asset,
                           YearMonth vintageThrough, String codePrefix, Instant openedBy, boolean holdingOnly,
                           Set<AccountId> ids) {
    public static final int IDS_MAX = 1000;

    public AccountQuery {
        if (ids != null && ids.size() > IDS_MAX) {
            throw new IllegalArgumentException("an account query names at most " + IDS_MAX + " ids, was "
                    + ids.size());
        }
        if (codePrefix != null && codePrefix.length() > AccountSpec.CODE_LENGTH_MAX) {
            throw new IllegalArgumentException("a code prefix has at most " + AccountSpec.CODE_LENGTH_MAX
                    + " characters");
        }
        ids = ids == null ? null : Set.copyOf(ids);
    }

    /** Every account. */
    public static AccountQuery all() {
        return new AccountQuery(null, null, null, null, null, null, null, false, null);
    }

    /** Exactly these accounts (those that exist). */
    public static AccountQuery ids(Collection<AccountId> ids) {
        return all().withIds(Set.copyOf(ids));
    }

    /** Accounts of one owner. */
    public AccountQuery owner(AccountOwner owner) {
        return new AccountQuery(owner.kind(), owner.id(), purpose, asset, vintageThrough, codePrefix, openedBy,
                holdingOnly, ids);
    }

    /** Accounts of any owner of this kind. */
    public AccountQuery ownerKind(AccountOwner.Kind kind) {
        return new AccountQuery(kind, null, purpose, asset, vintageThrough, codePrefix, openedBy, holdingOnly, ids);
    }

    public AccountQuery purpose(AccountPurpose newPurpose) {
        return new AccountQuery(ownerKind, ownerId, newPurpose, asset, vintageThrough, codePrefix, openedBy,
                holdingOnly, ids);
    }

    public AccountQuery asset(Asset newAsset) {
        return new AccountQuery(ownerKind, ownerId, purpose, newAsset, vintageThrough, codePrefix, openedBy,
                holdingOnly, ids);
    }

    public AccountQuery vintageThrough(YearMonth month) {
        return new AccountQuery(ownerKind, ownerId, purpose, asset, month, codePrefix, openedBy, holdingOnly, ids);
    }

    public AccountQuery codePrefix(String prefix) {
        return new AccountQuery(ownerKind, ownerId, purpose, asset, vintageThrough, prefix, openedBy, holdingOnly, ids);
    }

    public AccountQuery openedBy(Instant moment) {
        return new AccountQuery(ownerKind, ownerId, purpose, asset, vintageThrough, codePrefix, moment, holdingOnly,
                ids);
    }

    public AccountQuery holding() {
        return new AccountQuery(ownerKind, ownerId, purpose, asset, vintageThrough, codePrefix, openedBy, true,
                ids);
    }

    private AccountQuery withIds(Set<AccountId> newIds) {
        return new AccountQuery(ownerKind, ownerId, purpose, asset, vintageThrough, codePrefix, openedBy, holdingOnly,
                newIds);
    }

    /** Whether {@code account}, as it stands now, is selected. */
    public boolean matches(Account account) {
        AccountClass c = account.accountClass();
        return (ownerKind == null || c.owner().kind() == ownerKind)
                && (ownerId == null || ownerId.equals(c.owner().id()))
                && (purpose == null || c.purpose() == purpose)
                && (asset == null || account.asset().equals(asset))
                && (vintageThrough == null || c.vintage() != null && !c.vintage().isAfter(vintageThrough))
                && (codePrefix == null || account.code().startsWith(codePrefix))
                && (openedBy == null || !account.openedAt().isAfter(openedBy))
                && (!holdingOnly || account.balance().available() > 0)
                && (ids == null || ids.contains(account.id()));
    }
}
