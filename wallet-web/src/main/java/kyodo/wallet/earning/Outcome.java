package kyodo.wallet.earning;

/** A result, or the reason it was refused. */
public record Outcome<T>(T value, EarningError error) {
    public static <T> Outcome<T> of(T value) {
        return new Outcome<>(value, null);
    }

    public static <T> Outcome<T> refused(EarningError error) {
        return new Outcome<>(null, error);
    }

    public boolean ok() {
        return error == null;
    }
}
