package kyodo.wallet.security;

import kyodo.fund.access.Role;
import kyodo.wallet.WalletWebTest;
import kyodo.wallet.payment.Cashier;
import kyodo.wallet.payment.Payment;
import kyodo.wallet.qr.QrCodes;
import kyodo.wallet.user.Merchant;
import kyodo.wallet.user.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who may see and do what, CSRF, headers, rate limits and problem+json answers, through the real filter chain. */
class WebSecurityTest extends WalletWebTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    Cashier cashier;
    @Autowired
    QrCodes qrCodes;

    @Test
    void pagesNeedSignInAndTheApiAnswers401AsProblemJson() throws Exception {
        mvc.perform(get("/wallet").accept(MediaType.TEXT_HTML)).andExpect(status().isFound())
                .andExpect(redirectedUrl("/signin"));
        mvc.perform(get("/api/wallet")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.message_ja").value("サインインが必要です。"))
                .andExpect(jsonPath("$.message_en").value("Please sign in."));
    }

    @Test
    void eachRoleIsKeptToItsOwnPages() throws Exception {
        User resident = resident(0);
        Merchant shop = merchant();

        mvc.perform(get("/merchant").with(signedIn(resident))).andExpect(status().isForbidden());
        mvc.perform(get("/staff").with(signedIn(resident))).andExpect(status().isForbidden());
        mvc.perform(get("/wallet").with(signedIn(owner(shop)))).andExpect(status().isForbidden());
        mvc.perform(get("/api/wallet").with(signedIn(owner(shop)))).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anotherUsersWalletCannotBeAskedForById() throws Exception {
        User me = resident(100);
        User other = resident(777);

        // There is no wallet id in any wallet URL: asking with one finds nothing, or shows only one's own.
        mvc.perform(get("/wallet/" + other.id()).with(signedIn(me)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/wallet/" + other.id()).with(signedIn(me)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/wallets/" + other.id()).with(signedIn(me)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/wallet").param("id", other.id().toString()).param("userId", other.id().toString())
                        .with(signedIn(me)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.available").value(100));
        mvc.perform(get("/wallet").param("id", other.id().toString()).with(signedIn(me)))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("100 pt").doesNotContain("777 pt"));
    }

    @Test
    void anotherMerchantsSaleCannotBeRefunded() throws Exception {
        User payer = resident(1_000);
        Merchant shop = merchant();
        Merchant other = merchant();
        Payment sale = cashier.pay(payer.id(), qrCodes.url(qrCodes.orderQr(shop.id(), 100, "")), "", null).payment();

        mvc.perform(post("/api/merchant/sales/" + sale.id() + "/refunds").with(csrf())
                        .with(signedIn(owner(other))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\":\"100\",\"intent\":\"" + QrCodes.nonce() + "\"}"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("SALE_NOT_FOUND"));
        assertThat(balance(shop)).isEqualTo(100);
    }

    @Test
    void formPostsAndApiCallsWithoutCsrfTokenAreRefused() throws Exception {
        User payer = resident(1_000);
        Merchant shop = merchant();
        String url = qrCodes.url(qrCodes.orderQr(shop.id(), 100, ""));

        mvc.perform(post("/pay").param("q", url).with(signedIn(payer)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/payments").with(signedIn(payer))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"qr\":\"" + url + "\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/signin").param("username", "hanako").param("password", "kyodo-demo-pass"))
                .andExpect(status().isForbidden());

        assertThat(balance(payer)).isEqualTo(1_000);
    }

    @Test
    void payingThroughTheApiWorksWithTheCsrfTokenAndRepeatsSafely() throws Exception {
        User payer = resident(1_000);
        Merchant shop = merchant();
        String url = qrCodes.url(qrCodes.orderQr(shop.id(), 250, "API-1"));
        String body = "{\"qr\":\"" + url + "\"}";

        mvc.perform(post("/api/payments").with(csrf()).with(signedIn(payer))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.amount").value(250))
                .andExpect(jsonPath("$.repeated").value(false));
        mvc.perform(post("/api/payments").with(csrf()).with(signedIn(payer))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.repeated").value(true));

        assertThat(balance(payer)).isEqualTo(750);
    }

    @Test
    void badApiInputGetsA4xxProblemInBothLanguagesNeverA500() throws Exception {
        User payer = resident(1_000);
        Merchant shop = merchant();
        String store = qrCodes.url(qrCodes.storeQr(shop.id()));
        String[] amounts = {"\"0\"", "\"-1\"", "\"abc\"", "\"１．５\"", "\"12,34\"", "\"100001\"", "-5", "1.5", "null", "[]", "{}"};
        for (String amount : amounts) {
            mvc.perform(post("/api/payments").with(csrf()).with(signedIn(payer))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"qr\":\"" + store + "\",\"amount\":" + amount + ",\"intent\":\""
                                    + QrCodes.nonce() + "\"}"))
                    .andExpect(status().is4xxClientError())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.message_ja").isNotEmpty())
                    .andExpect(jsonPath("$.message_en").isNotEmpty());
        }
        mvc.perform(post("/api/payments").with(csrf()).with(signedIn(payer))
                        .contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/payments").with(csrf()).with(signedIn(payer))
                        .contentType(MediaType.TEXT_PLAIN).content("x"))
                .andExpect(status().is4xxClientError());
        mvc.perform(post("/api/payments").with(csrf()).with(signedIn(payer))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"qr\":\"" + store.replace('A', 'B')
                                + "x\",\"amount\":\"10\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value(
                        org.hamcrest.Matchers.startsWith("QR_")));
        mvc.perform(post("/api/merchant/sales/notanumber/refunds").with(csrf())
                        .with(signedIn(owner(shop))).contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest());

        assertThat(balance(payer)).isEqualTo(1_000);
    }

    @Test
    void theFormReadsFullWidthDigitsAndRefusesADecimalWithAClearMessage() throws Exception {
        User payer = resident(1_000);
        Merchant shop = merchant();

        mvc.perform(post("/pay").with(csrf()).with(signedIn(payer))
                        .param("q", qrCodes.url(qrCodes.storeQr(shop.id()))).param("amount", "１．５")
                        .param("intent", QrCodes.nonce()))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("金額は1以上の整数で入力してください", "href=\"#amount\"", "value=\"１．５\"",
                                "id=\"amount-error\""));
        assertThat(balance(payer)).isEqualTo(1_000);

        mvc.perform(post("/pay").with(csrf()).with(signedIn(payer))
                        .param("q", qrCodes.url(qrCodes.storeQr(shop.id()))).param("amount", "１００")
                        .param("intent", QrCodes.nonce()))
                .andExpect(status().is3xxRedirection());
        assertThat(balance(payer)).isEqualTo(900);
    }

    @Test
    void pagesCarrySecurityHeaders() throws Exception {
        mvc.perform(get("/signin"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy",
                        org.hamcrest.Matchers.containsString("frame-ancestors 'none'")))
                .andExpect(header().string("Content-Security-Policy",
                        org.hamcrest.Matchers.containsString("script-src 'self'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "same-origin"));
    }

    @Test
    void repeatedFailedSignInsAreRateLimited() throws Exception {
        int tooMany = 0;
        long started = System.nanoTime();
        for (int i = 0; i < 15; i++) {
            int status = mvc.perform(post("/signin").with(csrf()).with(request -> {
                        request.setRemoteAddr("203.0.113.9");
                        return request;
                    }).param("username", "taro").param("password", "wrong-" + i))
                    .andReturn().getResponse().getStatus();
            if (status == 429) {
                tooMany++;
            }
        }
        // The bucket refills while the attempts run (each failed one checks a password hash), so what may pass
        // is the burst plus what the elapsed time earned back; on a quiet machine that is the burst alone.
        double seconds = (System.nanoTime() - started) / 1e9;
        int mayPass = SignInRateLimitFilter.BURST + (int) Math.ceil(seconds / SignInRateLimitFilter.SECONDS_PER_TRY);
        assertThat(15 - tooMany).isLessThanOrEqualTo(mayPass);
        assertThat(tooMany).isPositive();
    }

    @Test
    void signInWithThePasswordLandsOnTheRolesPage() throws Exception {
        User resident = resident(0);

        mvc.perform(post("/signin").with(csrf()).param("username", resident.username()).param("password", PASSWORD))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/start"));
        mvc.perform(post("/signin").with(csrf()).param("username", resident.username()).param("password", "wrong!"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/signin?error"));
    }

    @Test
    void aSignedInCoordinatorIsTheFundsGroupCoordinatorAndCarriesTheirUserId() throws Exception {
        String name = "coord" + System.nanoTime() % 1_000_000;
        User coordinator = registrar.createUser(name, "コーディネーター", PASSWORD, Role.GROUP_COORDINATOR).user();
        var session = (org.springframework.mock.web.MockHttpSession) mvc.perform(post("/signin").with(csrf())
                        .param("username", name).param("password", PASSWORD))
                .andExpect(status().isFound()).andReturn().getRequest().getSession();

        mvc.perform(get("/api/fund/applications/mine").session(session)).andExpect(status().isOk());
        mvc.perform(get("/api/fund/groups/pending").session(session)).andExpect(status().isForbidden());
        var context = (org.springframework.security.core.context.SecurityContext) session.getAttribute(
                org.springframework.security.web.context.HttpSessionSecurityContextRepository
                        .SPRING_SECURITY_CONTEXT_KEY);
        assertThat(kyodo.fund.access.Actor.of(context.getAuthentication())).as("the principal carries the id")
                .contains(coordinator.actor());
    }

    @Test
    void passkeyEndpointsAreServedFromTheDatabaseRepositories() throws Exception {
        User resident = resident(0);

        mvc.perform(post("/webauthn/register/options").with(csrf()).with(signedIn(resident)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.challenge").isNotEmpty())
                .andExpect(jsonPath("$.rp.id").value("kyodo.example"));
        mvc.perform(post("/webauthn/authenticate/options").with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.challenge").isNotEmpty());
    }
}
