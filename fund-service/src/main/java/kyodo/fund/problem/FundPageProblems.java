package kyodo.fund.problem;

import jakarta.servlet.http.HttpServletRequest;
import kyodo.fund.layout.ErrorPage;
import kyodo.fund.layout.LayoutAdvice;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Where the fund's pages (marked {@link FundPage}) map a refusal that no form shows to HTTP: the error page of the
 * layout with the rejection's status, and its message in the visitor's language (the same text
 * {@link Problems#message} gives the forms) as what happened.
 */
@ControllerAdvice(annotations = FundPage.class)
class FundPageProblems {
    private final Problems problems;
    private final ObjectProvider<LayoutAdvice> layout;

    FundPageProblems(Problems problems, ObjectProvider<LayoutAdvice> layout) {
        this.problems = problems;
        this.layout = layout;
    }

    @ExceptionHandler(Refused.class)
    ModelAndView refused(Refused refused, HttpServletRequest request) {
        // an exception handler's model has no model attributes, so the page asks the layout for its frame
        LayoutAdvice advice = layout.getIfAvailable();
        return ErrorPage.of(HttpStatusCode.valueOf(refused.refusal().status()), null,
                problems.message(refused.refusal()), advice == null ? null : advice.frame(request));
    }
}
