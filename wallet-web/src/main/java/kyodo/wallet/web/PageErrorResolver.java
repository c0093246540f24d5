package kyodo.wallet.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kyodo.fund.layout.ErrorPage;
import kyodo.fund.layout.LayoutAdvice;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Spring MVC's own refusals of a request (wrong method, unsupported media type, a missing or malformed parameter,
 * an upload over the limit, a ResponseStatusException) are answered with problem+json by the problem-details handlers, which suits programs
 * and not people. For a person's browser this resolver, asked first, draws the layout's error page with the same
 * status instead; for the API it declines and the problem+json answer stands.
 */
@Configuration(proxyBeanMethods = false)
class PageErrorResolver implements WebMvcConfigurer {
    private final LayoutAdvice layout;

    PageErrorResolver(LayoutAdvice layout) {
        this.layout = layout;
    }

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(0, this::resolve);
    }

    private ModelAndView resolve(HttpServletRequest request, HttpServletResponse response, Object handler,
                                 Exception exception) {
        HttpStatusCode status = status(exception);
        if (status == null || ErrorPages.wantsProblem(request)) {
            return null; // the other resolvers answer
        }
        if (exception instanceof HttpRequestMethodNotSupportedException method
                && method.getSupportedHttpMethods() != null) {
            response.setHeader(HttpHeaders.ALLOW, String.join(", ",
                    method.getSupportedHttpMethods().stream().map(Object::toString).toList()));
        }
        return ErrorPage.of(status, null, null, layout.frame(request));
    }

    /** The status of one of Spring MVC's refusals, or null for any other exception (which is not ours to draw). */
    private static HttpStatusCode status(Exception exception) {
        if (exception instanceof MaxUploadSizeExceededException) {
            return HttpStatusCode.valueOf(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        }
        if (exception instanceof ErrorResponse refusal && refusal.getStatusCode().isError()) {
            return refusal.getStatusCode();
        }
        return null;
    }
}
