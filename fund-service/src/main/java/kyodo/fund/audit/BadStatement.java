package kyodo.fund.audit;

import kyodo.fund.problem.Refused;
import kyodo.fund.problem.Rejection;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * Why a bank statement file cannot be imported: a stable code, the status, and the message
 * {@code fund.statement.<key>} with its arguments. It is thrown inside a {@link Refused}, so nothing was stored.
 */
record BadStatement(String code, int status, String messageKey, Object[] arguments) implements Rejection {

    static Refused invalid(String code, String key, Object... arguments) {
        return new Refused(new BadStatement(code, HttpStatus.BAD_REQUEST.value(), "fund.statement." + key,
                arguments), null);
    }

    static BadStatement tooLargeRejection(int bytesMax) {
        return new BadStatement("STATEMENT_TOO_LARGE", HttpStatus.PAYLOAD_TOO_LARGE.value(), "fund.statement.too-large",
                new Object[] {bytesMax / (1024 * 1024) + " MiB"});
    }

    static Refused tooLarge(int bytesMax) {
        return new Refused(tooLargeRejection(bytesMax), null);
    }

    /** A column's name in the message's language. */
    static MessageSourceResolvable column(String name) {
        return new DefaultMessageSourceResolvable("fund.statement.column." + name);
    }

    /** Columns' names as one list, joined as the message's language joins them. */
    static MessageSourceResolvable columns(List<String> names) {
        return new DefaultMessageSourceResolvable(new String[] {"fund.statement.list." + names.size()},
                names.stream().map(BadStatement::column).toArray());
    }

    @Override
    public Object[] arguments() {
        return arguments.clone();
    }
}
