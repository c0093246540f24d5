package kyodo.wallet.web;

import kyodo.wallet.WalletWebTest;
import kyodo.wallet.qr.QrCodes;
import kyodo.wallet.user.Merchant;
import kyodo.wallet.user.MerchantStatus;
import kyodo.wallet.user.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Sign-up, staff approval, sending points and the payment page's refusals, as forms. */
class PagesTest extends WalletWebTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    QrCodes qrCodes;

    @Test
    void aMerchantSignsUpAndTakesPaymentsOnlyAfterStaffApprove() throws Exception {
        mvc.perform(post("/signup").with(csrf()).param("as", "merchant").param("username", "newshop")
                        .param("displayName", "店主").param("password", PASSWORD).param("shopName", "新しい八百屋"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/signin?signedup&pending"));
        User owner = users.findByUsername("newshop").orElseThrow();
        Merchant shop = merchants.findByOwnerId(owner.id()).orElseThrow();
        assertThat(shop.status()).isEqualTo(MerchantStatus.PENDING);

        mvc.perform(post("/staff/merchants/" + shop.id() + "/approve").with(csrf())
                .with(signedIn(owner))).andExpect(status().isForbidden());
        mvc.perform(post("/staff/merchants/" + shop.id() + "/approve").with(csrf())
                .with(signedIn(demo("staff")))).andExpect(status().isFound());

        assertThat(merchants.findById(shop.id()).orElseThrow().approved()).isTrue();
        assertThat(balance(merchants.findById(shop.id()).orElseThrow())).isZero();
    }

    @Test
    void signUpRefusesBadInputWithAMessage() throws Exception {
        String page = mvc.perform(post("/signup").with(csrf()).param("username", "ab").param("displayName", "x")
                .param("password", PASSWORD)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        String shortPassword = mvc.perform(post("/signup").with(csrf()).param("username", "validname")
                .param("displayName", "x").param("password", "short")).andReturn().getResponse()
                .getContentAsString();

        assertThat(page).contains("ユーザー名は3〜64文字");
        assertThat(shortPassword).contains("パスワードは10文字以上");
        assertThat(users.findByUsername("validname")).isEmpty();
    }

    @Test
    void aResidentSendsPointsWithANoteFromTheForm() throws Exception {
        User from = resident(500);
        User to = resident(0);

        mvc.perform(post("/send").with(csrf()).with(signedIn(from))
                        .param("to", to.username()).param("amount", "120").param("note", "ありがとう")
                        .param("intent", QrCodes.nonce()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/wallet"));
        String refused = mvc.perform(post("/send").with(csrf()).with(signedIn(from))
                        .param("to", to.username()).param("amount", "1000").param("intent", QrCodes.nonce()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(refused).contains("ポイントが足りません");
        assertThat(balance(from)).isEqualTo(380);
        assertThat(balance(to)).isEqualTo(120);
    }

    @Test
    void thePaymentPageShowsTheRegisteredNameOrAClearRefusal() throws Exception {
        User payer = resident(100);
        Merchant shop = merchant();

        String good = mvc.perform(get("/pay").param("q", qrCodes.url(qrCodes.orderQr(shop.id(), 50, "Z9")))
                        .with(signedIn(payer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String forged = mvc.perform(get("/pay").param("q", qrCodes.url(qrCodes.orderQr(shop.id(), 50, "Z9"))
                                .replace(".", ".A"))
                        .with(signedIn(payer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(good).contains(shop.name()).contains("50 pt").contains("pay-confirm");
        assertThat(forged).contains("QRコードを読み取れません").doesNotContain("pay-confirm");
    }
}
