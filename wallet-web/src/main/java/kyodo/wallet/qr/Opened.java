package kyodo.wallet.qr;

/** A payload that was checked: either the value or the reason it was refused. */
public record Opened<T>(T value, TokenRejection rejection) {
    public static <T> Opened<T> of(T value) {
        return new Opened<>(value, null);
    }

    public static <T> Opened<T> rejected(TokenRejection rejection) {
        return new Opened<>(null, rejection);
    }

    public boolean ok() {
        return rejection == null;
    }
}
