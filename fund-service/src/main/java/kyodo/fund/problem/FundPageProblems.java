package kyodo.fund.problem;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.util.HtmlUtils;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Where the fund's pages (marked {@link FundPage}) map a refusal that no form shows to HTTP: a minimal page with
 * the rejection's status and its message in the visitor's language (the same text {@link Problems#message}
 * gives the forms).
 */
@ControllerAdvice(annotations = FundPage.class)
class FundPageProblems {
    private final Problems problems;

    FundPageProblems(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(Refused.class)
    ResponseEntity<String> refused(Refused refused) {
        boolean english = Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
        String message = HtmlUtils.htmlEscape(problems.message(refused.refusal()));
        String page = "<!DOCTYPE html><html lang=\"" + (english ? "en" : "ja") + "\"><head><meta charset=\"UTF-8\">"
                + "<title>" + message + "</title></head><body><main><h1>" + message + "</h1></main></body></html>";
        return ResponseEntity.status(refused.refusal().status())
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(page);
    }
}
