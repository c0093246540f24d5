package kyodo.fund.problem;

import org.springframework.context.MessageSourceResolvable;

/**
 * Why a use case said no, as a value: a stable {@code code} for programs, the HTTP status the API answers with,
 * and the key of the message people read, in the message bundles (Japanese first, English). Enums of rejection
 * codes implement it in both modules; {@link Problems} turns one into problem+json for {@code /api} and into the
 * text a page shows.
 */
public interface Rejection {
    /** The stable name programs match on (the enum constant's name for enums of codes). */
    String code();

    /** The HTTP status the API answers with. */
    int status();

    /** The message's key in the bundles. */
    String messageKey();

    /**
     * The message's arguments: plain values, or a {@link MessageSourceResolvable} for a word that differs by
     * language (a column's name, say), which the bundle resolves in the same language.
     */
    default Object[] arguments() {
        return new Object[0];
    }
}
