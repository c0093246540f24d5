package kyodo.wallet.security;

import jakarta.servlet.SessionCookieConfig;
import kyodo.wallet.qr.QrProperties;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.URI;

/**
 * The session cookie is HttpOnly and SameSite=Lax always (application.properties), and Secure whenever the public
 * address (the base URL that QR codes point at) is https, which is every real deployment. A developer's
 * http://localhost keeps working because browsers treat localhost as a secure origin, and a plain-http test
 * address gets a cookie that its client can send back.
 */
@Configuration(proxyBeanMethods = false)
class SessionCookies {
    @Bean
    ServletContextInitializer secureSessionCookie(QrProperties qr) {
        boolean https = "https".equalsIgnoreCase(URI.create(qr.baseUrl()).getScheme());
        return servletContext -> {
            SessionCookieConfig cookie = servletContext.getSessionCookieConfig();
            cookie.setSecure(https);
            cookie.setHttpOnly(true);
        };
    }
}
