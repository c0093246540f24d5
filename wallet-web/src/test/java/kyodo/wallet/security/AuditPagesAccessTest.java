package kyodo.wallet.security;

import kyodo.wallet.WalletWebTest;
import kyodo.wallet.user.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The auditor's workspace (fund-service, {@code /fund/audit}) through the application's real chain: a visitor
 * who did not sign in is sent to the sign-in page, residents and merchants are refused, auditors get in.
 */
class AuditPagesAccessTest extends WalletWebTest {
    @Autowired
    MockMvc mvc;

    @Test
    void theWorkspaceIsForAuditorsOnly() throws Exception {
        User resident = resident(0);
        User shopOwner = owner(merchant());
        for (String page : new String[] {"/fund/audit", "/fund/audit/trial-balance", "/fund/audit/reconciliation",
                "/fund/audit/verification"}) {
            mvc.perform(get(page).accept(MediaType.TEXT_HTML)).andExpect(status().isFound())
                    .andExpect(redirectedUrl("/signin"));
            mvc.perform(get(page).with(signedIn(resident))).andExpect(status().isForbidden());
            mvc.perform(get(page).with(signedIn(shopOwner))).andExpect(status().isForbidden());
            mvc.perform(get(page).with(signedIn(demo("auditor")))).andExpect(status().isOk());
        }
        mvc.perform(get("/api/fund/audit/journal")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/fund/audit/journal").with(signedIn(resident)))
                .andExpect(status().isForbidden());
    }
}
