package kyodo.wallet.security;

import kyodo.wallet.qr.QrProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

import java.net.URI;
import java.util.Set;
import java.time.Clock;

/**
 * One filter chain for pages and the API: a session from password or passkey sign-in, CSRF on every state change
 * (the API takes the token as the {@code X-CSRF-TOKEN} header), strict headers, and problem+json instead of
 * redirects for {@code /api}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
    /** Scripts and styles only from this origin; QR images are data: or same-origin; no framing. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; connect-src 'self'; media-src 'self' blob:; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain web(HttpSecurity http, QrProperties qr, Clock clock, ProblemResponses problems,
                            @Value("${kyodo.passkeys.rp-id:}") String rpId,
                            @Value("${kyodo.passkeys.origins:}") String origins) throws Exception {
        // Passkeys belong to the public address (the base URL) unless configured apart, e.g. for a test browser.
        URI base = URI.create(qr.baseUrl());
        String relyingParty = rpId.isBlank() ? base.getHost() : rpId;
        Set<String> allowedOrigins = origins.isBlank() ? Set.of(base.getScheme() + "://" + base.getAuthority())
                : Set.of(origins.split(","));
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        // The fund (fund-service) guards its own pages and API with method security, so they pass here.
        http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/signin", "/signup", "/signup/**", "/css/**", "/js/**",
                                "/favicon.ico", "/error", "/actuator/health",
                                "/api/fund/**", "/fund/**", "/api/session", "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui/**",
                                "/swagger-ui.html").permitAll()
                        .requestMatchers("/actuator/prometheus").access(MetricsScrapers.LOOPBACK_OR_ADMIN)
                        // The public log (kyodo.wallet.log): anyone may verify without signing in.
                        .requestMatchers("/log", "/log/**", "/.well-known/kyodo-log-keys").permitAll()
                        .requestMatchers("/wallet/**", "/pay", "/pay/**", "/send/**", "/api/wallet/**",
                                "/api/payments/**", "/api/transfers/**", "/api/consumer-token").hasRole("RESIDENT")
                        .requestMatchers("/merchant/**", "/api/merchant/**").hasRole("MERCHANT")
                        // Money is staff's: an admin runs users, shops' approval and the system (docs/roles.md).
                        .requestMatchers("/staff/points/**", "/staff/vouchers/**", "/staff/settlements/**",
                                "/api/staff/**").hasRole("STAFF")
                        .requestMatchers("/staff", "/staff/**").hasAnyRole("STAFF", "ADMIN")
                        .requestMatchers("/activities", "/activities/**", "/api/activities", "/api/activities/**")
                        .hasRole("RESIDENT")
                        .requestMatchers("/coordinator/**", "/api/coordinator/**", "/groups/**")
                        .hasRole("GROUP_COORDINATOR")
                        .anyRequest().authenticated())
                // A witness posts its cosignature without a session: the signature in the body is the credential,
                // so a CSRF token would protect nothing there.
                .csrf(csrf -> csrf.ignoringRequestMatchers(path.matcher(HttpMethod.POST, "/log/cosignatures")))
                .formLogin(form -> form.loginPage("/signin").loginProcessingUrl("/signin")
                        .defaultSuccessUrl("/start", false).failureUrl("/signin?error").permitAll())
                .webAuthn(passkeys -> passkeys.rpName("Kyodo").rpId(relyingParty)
                        .allowedOrigins(allowedOrigins)
                        // our own page (/passkeys) registers without inline script, which the CSP forbids
                        .disableDefaultRegistrationPage(true))
                .logout(logout -> logout.logoutUrl("/signout").logoutSuccessUrl("/"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(problems::unauthenticated, path.matcher("/api/**"))
                        .defaultAccessDeniedHandlerFor(problems::forbidden, path.matcher("/api/**"))
                        // Pages: the layout's 403 page (a lone API mapping would be used for every request).
                        .defaultAccessDeniedHandlerFor(problems::forbiddenPage, AnyRequestMatcher.INSTANCE))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions.policy(
                                "camera=(self), geolocation=(), microphone=()")))
                .addFilterBefore(new SignInRateLimitFilter(clock), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    PublicKeyCredentialUserEntityRepository passkeyUsers(JdbcOperations jdbc) {
        return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
    }

    @Bean
    UserCredentialRepository passkeyCredentials(JdbcOperations jdbc) {
        return new JdbcUserCredentialRepository(jdbc);
    }
}
