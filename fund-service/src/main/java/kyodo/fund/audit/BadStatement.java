package kyodo.fund.audit;

import org.springframework.http.HttpStatus;

/**
 * A bank statement file that cannot be imported, with the reason in Japanese and English and a stable code.
 * Nothing was stored when this is thrown.
 */
public final class BadStatement extends RuntimeException {
    private final HttpStatus status;
    private final String code;
    private final String japanese;
    private final String english;

    BadStatement(HttpStatus status, String code, String japanese, String english) {
        super(english, null, false, false);
        this.status = status;
        this.code = code;
        this.japanese = japanese;
        this.english = english;
    }

    static BadStatement invalid(String code, String japanese, String english) {
        return new BadStatement(HttpStatus.BAD_REQUEST, code, japanese, english);
    }

    static BadStatement tooLarge(int bytesMax) {
        String size = bytesMax / (1024 * 1024) + " MiB";
        return new BadStatement(HttpStatus.PAYLOAD_TOO_LARGE, "STATEMENT_TOO_LARGE",
                "ファイルが大きすぎます(上限 " + size + ")。期間を分けて取り込んでください。",
                "The file is too large (at most " + size + "). Import the statement in shorter periods.");
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String japanese() {
        return japanese;
    }

    public String english() {
        return english;
    }
}
