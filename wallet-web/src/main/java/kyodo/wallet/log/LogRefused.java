package kyodo.wallet.log;

/**
 * A request to the public log that cannot be answered: bad input (4xx) or something that does not exist (yet).
 * {@code messageKey} names the message in {@code messages-log*.properties}; {@code detail} is for people and
 * names the bound that was crossed.
 */
final class LogRefused extends RuntimeException {
    private final int status;
    private final String code;

    LogRefused(int status, String code, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    String messageKey() {
        return "log.error." + code;
    }

    static LogRefused invalid(String detail) {
        return new LogRefused(400, "INVALID_INPUT", detail);
    }
}
