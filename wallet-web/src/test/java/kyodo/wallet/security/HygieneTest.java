package kyodo.wallet.security;

import kyodo.wallet.WalletWebTest;
import kyodo.wallet.qr.QrCodes;
import kyodo.wallet.user.Merchant;
import kyodo.wallet.user.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Security hygiene: headers on every kind of answer, session cookies that scripts and other sites cannot use,
 * operational metrics kept from the public, and no secret in the repository or the logs.
 */
@ExtendWith(OutputCaptureExtension.class)
class HygieneTest extends WalletWebTest {
    /** A PEM private key with real content (a test's placeholder of a few characters does not count). */
    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN [A-Z ]*PRIVATE KEY-----\\s+[A-Za-z0-9+/=\\s]{60,}-----END");

    @Autowired
    MockMvc mvc;
    @Autowired
    QrCodes qrCodes;
    @LocalServerPort
    int port;

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeaders() throws Exception {
        User resident = resident(100);
        Merchant shop = merchant();
        Map<String, MockHttpServletRequestBuilder> answers = Map.ofEntries(
                Map.entry("home", get("/")),
                Map.entry("sign-in page", get("/signin")),
                Map.entry("sign-up page", get("/signup")),
                Map.entry("fund directory", get("/fund/groups")),
                Map.entry("wallet page", get("/wallet").with(signedIn(resident))),
                Map.entry("merchant terminal", get("/merchant").with(signedIn(owner(shop)))),
                Map.entry("staff page", get("/staff").with(signedIn(demo("staff")))),
                Map.entry("API answer", get("/api/wallet").with(signedIn(resident))),
                Map.entry("API problem", post("/api/payments").with(csrf())
                        .with(signedIn(resident))
                        .contentType(MediaType.APPLICATION_JSON).content("{}")),
                Map.entry("refused page", get("/staff").with(signedIn(resident))),
                Map.entry("page not found", get("/no-such-page").with(signedIn(resident))),
                Map.entry("signed-out API", get("/api/wallet")));
        List<String> missing = new ArrayList<>();
        for (var answer : answers.entrySet()) {
            MockHttpServletResponse response = mvc.perform(answer.getValue()).andReturn().getResponse();
            String csp = response.getHeader("Content-Security-Policy");
            if (csp == null || !csp.contains("frame-ancestors 'none'") || !csp.contains("script-src 'self'")
                    || !"nosniff".equals(response.getHeader("X-Content-Type-Options"))
                    || !"DENY".equals(response.getHeader("X-Frame-Options"))
                    || response.getHeader("Referrer-Policy") == null) {
                missing.add(answer.getKey() + " (" + response.getStatus() + ")");
            }
        }
        assertThat(missing).as("answers without the security headers").isEmpty();
    }

    @Test
    void theSessionCookieIsSecureHttpOnlyAndSameSite() throws Exception {
        // The tests' public address is https, as in production: the cookie must be Secure.
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> session = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/session")).build(), HttpResponse.BodyHandlers.ofString());
        List<String> cookies = session.headers().allValues("Set-Cookie");

        assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID="));
        assertThat(cookies).filteredOn(cookie -> cookie.startsWith("JSESSIONID=")).allSatisfy(cookie ->
                assertThat(cookie).contains("HttpOnly").contains("Secure").containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void metricsAreForTheLocalScraperOrAnAdmin() throws Exception {
        assertThat(status(get("/actuator/prometheus"))).isEqualTo(200); // MockMvc's caller is 127.0.0.1
        assertThat(status(get("/actuator/prometheus").with(remote("203.0.113.7")))).isIn(401, 403);
        assertThat(status(get("/actuator/prometheus").with(remote("203.0.113.7"))
                .with(signedIn(resident(0))))).isEqualTo(403);
        assertThat(status(get("/actuator/prometheus").with(remote("203.0.113.7"))
                .with(signedIn(demo("admin"))))).isEqualTo(200);
        assertThat(status(get("/actuator/health").with(remote("203.0.113.7")))).isEqualTo(200);
    }

    @Test
    void theRepositoryHoldsNoPrivateKey() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        assertThat(root.resolve("pom.xml")).exists();
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(root)) {
            offenders = files.filter(Files::isRegularFile)
                    .filter(file -> Stream.of("target", ".git", ".kyodo", "node_modules")
                            .noneMatch(skipped -> root.relativize(file).toString().startsWith(skipped)
                                    || root.relativize(file).toString().contains("/" + skipped + "/")))
                    .filter(HygieneTest::holdsPrivateKey)
                    .toList();
        }
        assertThat(offenders).as("files with a private key").isEmpty();
    }

    @Test
    void theLogsHoldNoPasswordAndNoSigningKey(CapturedOutput output) throws Exception {
        User payer = resident(100);
        Merchant shop = merchant();
        mvc.perform(post("/signin").with(csrf()).param("username", payer.username()).param("password", PASSWORD));
        mvc.perform(post("/signin").with(csrf()).param("username", payer.username()).param("password", "wrong-" + PASSWORD));
        mvc.perform(post("/api/payments").with(csrf()).with(signedIn(payer))
                .contentType(MediaType.APPLICATION_JSON).content("{\"qr\":\"" + qrCodes.url(qrCodes.storeQr(shop.id()))
                        + "\",\"amount\":\"5\",\"intent\":\"" + QrCodes.nonce() + "\"}"));

        String key = Files.readString(keysDirectory().resolve("qr-signing-ed25519.pem"));
        String keyBody = key.lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();
        assertThat(output.getAll()).doesNotContain(PASSWORD).doesNotContain(keyBody);
    }

    @Test
    void everyStaffActionThatMovesMoneyNamesWhoAndWhen() throws Exception {
        User clerk = demo("staff");
        var staff = signedIn(clerk);
        String recorded = mvc.perform(post("/api/fund/donations/recorded").with(csrf()).with(staff)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"donation":{"donorType":"COMPANY","donorName":"協働商事株式会社",
                                 "donorAddress":"東京都協働区2-3-4","amount":50000,"designation":"general",
                                 "anonymous":false,"publicNameConsent":true},
                                 "method":"BANK_TRANSFER","receivedOn":"2026-11-20"}"""))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(recorded).contains("\"status\":\"CONFIRMED\"");

        var entry = ledger.entries(ledger.head().sequence(), ledger.head().sequence()).get(0);
        assertThat(entry.kind().code()).isEqualTo("DONATION");
        assertThat(entry.actor()).as("the person, as every entry names people").isEqualTo("user:" + clerk.id());
        assertThat(entry.postedAt()).isNotNull();
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor remote(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static boolean holdsPrivateKey(Path file) {
        try {
            if (Files.size(file) > 2_000_000) {
                return false;
            }
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            return PRIVATE_KEY.matcher(text).find();
        } catch (IOException unreadable) {
            return false;
        }
    }
}
