package kyodo.fund.layout;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gives every page its {@link Frame} ({@code ${frame}}) and its {@link Viewer} ({@code ${viewer}}). Answers that
 * are not pages ({@code @ResponseBody}) get neither, so an API call costs no look-up of a display name. Error pages
 * and exception handlers, which no model attribute reaches, ask {@link #frame(HttpServletRequest)} themselves.
 */
@ControllerAdvice
public class LayoutAdvice {
    static final String LANGUAGE_PARAMETER = "lang";
    private static final String CACHED = LayoutAdvice.class.getName() + ".frame";

    private final ObjectProvider<DisplayNames> displayNames;
    private final ObjectProvider<MenuContributor> menus;
    private final String wardName;
    private final String contact;

    LayoutAdvice(ObjectProvider<DisplayNames> displayNames, ObjectProvider<MenuContributor> menus,
                 @Value("${kyodo.ward.name:}") String wardName, @Value("${kyodo.ward.contact:}") String contact) {
        this.displayNames = displayNames;
        this.menus = menus;
        this.wardName = wardName.isBlank() ? null : wardName.strip();
        this.contact = contact.isBlank() ? null : contact.strip();
    }

    @ModelAttribute("frame")
    Frame frameOfPage(HttpServletRequest request) {
        return answersWithBody(request) ? null : frame(request);
    }

    @ModelAttribute("viewer")
    Viewer viewerOfPage(HttpServletRequest request) {
        return answersWithBody(request) ? null : frame(request).viewer();
    }

    /** The frame of the page this request draws (worked out once per request). */
    public Frame frame(HttpServletRequest request) {
        if (request.getAttribute(CACHED) instanceof Frame cached) {
            return cached;
        }
        DisplayNames names = displayNames.getIfAvailable(() -> principal -> Optional.empty());
        Viewer viewer = Viewer.of(SecurityContextHolder.getContext().getAuthentication(), names);
        List<MenuLink> menu = new ArrayList<>();
        List<MenuLink> bar = new ArrayList<>();
        List<MenuLink> account = new ArrayList<>();
        menus.orderedStream().forEach(contributor -> {
            menu.addAll(contributor.links(viewer));
            bar.addAll(contributor.bar(viewer));
            account.addAll(contributor.account(viewer));
        });
        String path = pagePath(request);
        String query = pageQuery(request);
        Frame frame = new Frame(viewer, wardName, contact, menu, bar, account, path,
                inLanguage(path, query, "ja"), inLanguage(path, query, "en"));
        request.setAttribute(CACHED, frame);
        return frame;
    }

    /** The address of this page in the other language: the same path and query, with {@code lang} set. */
    static String inLanguage(String path, String query, String language) {
        try {
            return UriComponentsBuilder.fromPath(path).query(query)
                    .replaceQueryParam(LANGUAGE_PARAMETER, language).build(true).toUriString();
        } catch (IllegalArgumentException malformed) {
            return "?" + LANGUAGE_PARAMETER + "=" + language; // a query no builder accepts stays behind
        }
    }

    /** The path the visitor asked for: on an error page, the one that failed rather than {@code /error}. */
    private static String pagePath(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = failed instanceof String uri ? uri : request.getRequestURI();
        // only a path of this application, so that the language links never lead elsewhere
        return path == null || !path.startsWith("/") || path.startsWith("//") ? "/" : path;
    }

    private static String pageQuery(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) != null) {
            Object failed = request.getAttribute(RequestDispatcher.ERROR_QUERY_STRING);
            return failed instanceof String query ? query : null;
        }
        return request.getQueryString();
    }

    private static boolean answersWithBody(HttpServletRequest request) {
        Object handler = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
        return handler instanceof HandlerMethod method
                && (method.hasMethodAnnotation(ResponseBody.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class)
                || org.springframework.http.HttpEntity.class.isAssignableFrom(method.getReturnType().getParameterType()));
    }
}
