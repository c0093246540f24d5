package kyodo.wallet.account;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The holder of a wallet. Its account code is {@code wallet:<kind>:<id>}; per-month vintage accounts, when
 * expiry comes, will be {@code wallet:<kind>:<id>:<yyyy-MM>} beside it, which is why the code is made here
 * and nowhere else.
 */
public record WalletOwner(OwnerKind kind, long id) {
    private static final Pattern CODE = Pattern.compile("wallet:(resident|merchant|group):([0-9]{1,18})(:.*)?");

    public WalletOwner {
        if (kind == null || id <= 0) {
            throw new IllegalArgumentException("a wallet owner needs a kind and a positive id, was " + kind + " " + id);
        }
    }

    public static WalletOwner resident(long userId) {
        return new WalletOwner(OwnerKind.RESIDENT, userId);
    }

    public static WalletOwner merchant(long merchantId) {
        return new WalletOwner(OwnerKind.MERCHANT, merchantId);
    }

    public static WalletOwner group(long groupId) {
        return new WalletOwner(OwnerKind.GROUP, groupId);
    }

    public String accountCode() {
        return "wallet:" + kind.code() + ":" + id;
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
