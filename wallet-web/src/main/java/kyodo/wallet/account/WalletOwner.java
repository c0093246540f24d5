package kyodo.wallet.account;

import kyodo.fund.access.UserId;
import kyodo.fund.directory.GroupId;
import kyodo.ledger.AccountClass;
import kyodo.ledger.AccountOwner;
import kyodo.wallet.user.MerchantId;

import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The holder of a wallet. A merchant's wallet is one account, {@code wallet:merchant:<id>}; residents' and groups'
 * points expire, so their wallets are per-month vintage accounts {@code wallet:<kind>:<id>:<yyyy-MM>} (the month
 * the points were issued). Codes are made here and nowhere else. The id is the number in the code, whichever kind
 * of holder it names; the factories take the holder's typed id.
 */
public record WalletOwner(OwnerKind kind, long id) {
    private static final Pattern CODE = Pattern.compile("wallet:(resident|merchant|group):([0-9]{1,18})(:.*)?");
    private static final Pattern VINTAGE = Pattern.compile("wallet:(resident|group):[0-9]{1,18}:([0-9]{4}-[0-9]{2})");

    public WalletOwner {
        if (kind == null || id <= 0) {
            throw new IllegalArgumentException("a wallet owner needs a kind and a positive id, was " + kind + " " + id);
        }
    }

    public static WalletOwner resident(UserId resident) {
        return new WalletOwner(OwnerKind.RESIDENT, resident.value());
    }

    public static WalletOwner merchant(MerchantId merchant) {
        return new WalletOwner(OwnerKind.MERCHANT, merchant.value());
    }

    public static WalletOwner group(GroupId group) {
        return new WalletOwner(OwnerKind.GROUP, group.value());
    }

    /** The single account of a merchant; for residents and groups, the account they had before vintages. */
    public String accountCode() {
        return "wallet:" + kind.code() + ":" + id;
    }

    /** Whether the wallet is kept as per-month vintages (residents and groups; merchants do not hold vintages). */
    public boolean hasVintages() {
        return kind != OwnerKind.MERCHANT;
    }

    /** The account of the points issued in {@code month}. */
    public String vintageCode(YearMonth month) {
        if (!hasVintages()) {
            throw new IllegalArgumentException("a merchant's wallet has no vintages: " + this);
        }
        return accountCode() + ":" + month;
    }

    /** The class of the owner's account on the books, for the ledger's queries (a holder of the ward). */
    public AccountOwner accountOwner() {
        return switch (kind) {
            case RESIDENT -> AccountOwner.resident(id);
            case MERCHANT -> AccountOwner.merchant(id);
            case GROUP -> AccountOwner.group(id);
        };
    }

    /** A merchant's wallet account. */
    public AccountClass accountClass() {
        return AccountClass.wallet(accountOwner());
    }

    /** The owner's vintage account of {@code month}. */
    public AccountClass vintageClass(YearMonth month) {
        return AccountClass.vintage(accountOwner(), month);
    }

    /** The vintage month of a vintage account's code. */
    public static Optional<YearMonth> vintageOf(String code) {
        Matcher m = VINTAGE.matcher(code == null ? "" : code);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(YearMonth.parse(m.group(2)));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The owner of a wallet account (or of one of its vintages), if the code is a wallet's. */
    public static Optional<WalletOwner> fromAccountCode(String code) {
        Matcher m = CODE.matcher(code == null ? "" : code);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new WalletOwner(OwnerKind.valueOf(m.group(1).toUpperCase(java.util.Locale.ROOT)),
                Long.parseLong(m.group(2))));
    }
}
