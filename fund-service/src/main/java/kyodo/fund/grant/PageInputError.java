package kyodo.fund.grant;

import kyodo.fund.problem.Rejection;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

/**
 * A staff form field that cannot be read: the message {@code fund.input.<key>}, shown on the page in the
 * visitor's language. The page controllers check what people commonly get wrong before the use case sees it;
 * the use case's own refusals stay the last word.
 */
final class PageInputError extends RuntimeException implements Rejection {
    private final String messageKey;
    private final Object[] arguments;

    PageInputError(String key, Object... arguments) {
        super(key, null, false, false);
        this.messageKey = "fund.input." + key;
        this.arguments = arguments.clone();
    }

    /** A form field's name in the message's language ({@code fund.input.label.<label>}). */
    static MessageSourceResolvable label(String label) {
        return new DefaultMessageSourceResolvable("fund.input.label." + label);
    }

    @Override
    public String code() {
        return "INVALID_INPUT";
    }

    @Override
    public int status() {
        return HttpStatus.BAD_REQUEST.value();
    }

    @Override
    public String messageKey() {
        return messageKey;
    }

    @Override
    public Object[] arguments() {
        return arguments.clone();
    }
}
