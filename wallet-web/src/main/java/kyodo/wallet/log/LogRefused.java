package kyodo.wallet.log;

import kyodo.fund.problem.Rejection;

/**
 * A request to the public log that cannot be answered: bad input (4xx) or something that does not exist (yet).
 * {@code messageKey} names the message in {@code messages-log*.properties}; {@code detail} is for people and
 * names the bound that was crossed.
 */
final class LogRefused extends RuntimeException implements Rejection {
    private final int status;
    private final String code;

    LogRefused(int status, String code, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String messageKey() {
        return "log.error." + code;
    }

    static LogRefused invalid(String detail) {
        return new LogRefused(400, "INVALID_INPUT", detail);
    }
}
