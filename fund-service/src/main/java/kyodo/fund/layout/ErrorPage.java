package kyodo.fund.layout;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.servlet.ModelAndView;

import java.util.Set;

/**
 * The page a person sees when a request of theirs fails, drawn in the layout ({@code templates/problem.html}): what
 * happened and what to do, in their language, with the failure's own status. Statuses without texts of their own
 * share those of their class (4xx, 5xx).
 */
public final class ErrorPage {
    /** The view that draws it. */
    public static final String VIEW = "problem";
    /**
     * A request attribute naming a more precise kind than the status (e.g. {@code csrf}: the form was open too
     * long), for the texts {@code layout.error.<kind>.*}.
     */
    public static final String KIND_ATTRIBUTE = ErrorPage.class.getName() + ".kind";
    /** The statuses with texts of their own; {@code csrf} is a 403 of its own kind. */
    static final Set<String> KINDS = Set.of("400", "401", "403", "404", "405", "409", "413", "415", "429", "500",
            "503", "csrf");

    private ErrorPage() {
    }

    /**
     * The error page for {@code status}.
     *
     * @param status the status the answer carries
     * @param kind   a kind from {@link #KIND_ATTRIBUTE}, or null for the status's own
     * @param detail a message for the person that says more (already in their language), or null
     * @param frame  the layout's frame of the request, or null where no layout advice runs
     */
    public static ModelAndView of(HttpStatusCode status, String kind, String detail, Frame frame) {
        ModelAndView page = new ModelAndView(VIEW);
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("kind", kind(status.value(), kind));
        page.addObject("detail", detail);
        if (frame != null) {
            page.addObject("frame", frame);
            page.addObject("viewer", frame.viewer());
        }
        return page;
    }

    static String kind(int status, String kind) {
        if (kind != null && KINDS.contains(kind)) {
            return kind;
        }
        String own = Integer.toString(status);
        return KINDS.contains(own) ? own : status >= 500 ? "5xx" : "4xx";
    }
}
