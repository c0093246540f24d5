package kyodo.wallet.web;

import kyodo.wallet.WalletWebTest;
import kyodo.wallet.user.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The API is described by OpenAPI, and the passkey registration page is there for signed-in people. */
class ApiDocsTest extends WalletWebTest {
    @Autowired
    MockMvc mvc;

    @Test
    void openApiDescribesThePaymentAndWalletApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").exists())
                .andExpect(jsonPath("$.paths['/api/payments'].post").exists())
                .andExpect(jsonPath("$.paths['/api/wallet'].get").exists())
                .andExpect(jsonPath("$.paths['/api/merchant/charges'].post").exists())
                .andExpect(jsonPath("$.paths['/api/transfers'].post").exists());
    }

    @Test
    void typedIdsAreDescribedAsTheNumbersTheyAreWrittenAs() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.schemas['SettlementApi.SettlementView'].properties.merchantId.type")
                        .value("integer"))
                .andExpect(jsonPath("$.components.schemas['EarningApi.RulesView'].properties.setBy.type")
                        .value("integer"))
                .andExpect(jsonPath("$.components.schemas['EarningApi.ActivityView'].properties.groupId.type")
                        .value("integer"));
    }

    @Test
    void thePasskeyRegistrationPageNeedsNoInlineScript() throws Exception {
        User resident = resident(0);

        String page = mvc.perform(get("/passkeys").with(signedIn(resident)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        // no inline script: the page works under script-src 'self'
        assertThat(page).contains("id=\"passkey-register\"").contains("<script src=\"/js/passkey-register.js\">")
                .doesNotContain("<script>").doesNotContain("<script type=\"text/javascript\">");
    }
}
