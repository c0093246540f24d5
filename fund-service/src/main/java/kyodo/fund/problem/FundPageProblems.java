package kyodo.fund.problem;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.util.HtmlUtils;

import java.util.Locale;

/** Refusals on the fund's pages, as a minimal page in the visitor's language. */
@ControllerAdvice(annotations = FundPage.class)
class FundPageProblems {
    @ExceptionHandler(Refused.class)
    ResponseEntity<String> refused(Refused refused) {
        boolean english = Locale.ENGLISH.getLanguage().equals(
                org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage());
        String message = english ? refused.refusal().english() : refused.refusal().japanese();
        String page = "<!DOCTYPE html><html lang=\"" + (english ? "en" : "ja") + "\"><head><meta charset=\"UTF-8\">"
                + "<title>" + HtmlUtils.htmlEscape(message) + "</title></head><body><main><h1>"
                + HtmlUtils.htmlEscape(message) + "</h1></main></body></html>";
        return ResponseEntity.status(refused.refusal().status())
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8)).body(page);
    }
}
