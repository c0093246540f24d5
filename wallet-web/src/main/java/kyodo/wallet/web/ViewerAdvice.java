package kyodo.wallet.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.Set;
import java.util.stream.Collectors;

/** Who is looking at a page ({@code ${viewer}} in templates), so the menu shows what their role can do. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class ViewerAdvice {
    /** The signed-in name and roles (without the {@code ROLE_} prefix); anonymous visitors have neither. */
    public record Viewer(String name, Set<String> roles) {
        public boolean signedIn() {
            return name != null;
        }

        public boolean is(String role) {
            return roles.contains(role);
        }
    }

    @ModelAttribute("viewer")
    Viewer viewer() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return new Viewer(null, Set.of());
        }
        return new Viewer(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5)).collect(Collectors.toUnmodifiableSet()));
    }
}
