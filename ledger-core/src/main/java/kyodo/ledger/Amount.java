package kyodo.ledger;

/**
 * A count of an asset's minor unit. Any {@code long} can be represented, so that a bad request can be turned
 * into a result code by the ledger instead of an exception here; arithmetic is overflow-checked.
 */
public record Amount(Asset asset, long minor) {
    public Amount {
        if (asset == null) {
            throw new IllegalArgumentException("asset must not be null");
        }
    }

    public static Amount pt(long minor) {
        return new Amount(Asset.PT, minor);
    }

    public static Amount yen(long minor) {
        return new Amount(Asset.JPY, minor);
    }

    public Amount plus(Amount other) {
        requireSameAsset(other);
        return new Amount(asset, Math.addExact(minor, other.minor));
    }

    public Amount minus(Amount other) {
        requireSameAsset(other);
        return new Amount(asset, Math.subtractExact(minor, other.minor));
    }

    private void requireSameAsset(Amount other) {
        if (!asset.equals(other.asset)) {
            throw new IllegalArgumentException("cannot combine " + asset + " with " + other.asset);
        }
    }

    @Override
    public String toString() {
        return minor + " " + asset.code();
    }
}
