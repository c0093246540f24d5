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

        String english = mvc.perform(post("/signup").with(csrf()).param("lang", "en").param("username", "ab")
                .param("displayName", "Hanako").param("password", PASSWORD)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("ユーザー名は3〜64文字", "入力内容を確認してください", "href=\"#username\"",
                "id=\"username-error\"", "aria-describedby=\"username-error\"", "value=\"ab\"", "value=\"x\"");
        assertThat(shortPassword).contains("パスワードは10文字以上", "href=\"#password\"", "value=\"validname\"")
                .doesNotContain("value=\"short\"");
        assertThat(english).contains("Check what you entered", "href=\"#username\"", "value=\"Hanako\"");
        assertThat(users.findByUsername("validname")).isEmpty();
    }

    @Test
    void aResidentSendsPointsWithANoteFromTheForm() throws Exception {
        User from = resident(500);
        User to = resident(0);

        String intent = QrCodes.nonce();
        String confirm = mvc.perform(post("/send").with(csrf()).with(signedIn(from))
                        .param("to", to.username()).param("amount", "１２０").param("note", "ありがとう")
                        .param("intent", intent))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(confirm).as("the confirmation names the person and the amount")
                .contains(to.displayName() + "さんに 120 pt を送ります").contains("value=\"" + intent + "\"");
        assertThat(balance(to)).as("nothing moves before the confirmation").isZero();

        for (int press = 0; press < 2; press++) {
            mvc.perform(post("/send").with(csrf()).with(signedIn(from)).param("step", "confirm")
                            .param("to", to.username()).param("amount", "１２０").param("note", "ありがとう")
                            .param("intent", intent))
                    .andExpect(status().isFound()).andExpect(redirectedUrl("/wallet"));
        }
        String refused = mvc.perform(post("/send").with(csrf()).with(signedIn(from)).param("step", "confirm")
                        .param("to", to.username()).param("amount", "1000").param("intent", QrCodes.nonce()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(refused).contains("ポイントが足りません").contains("href=\"#amount\"");
        assertThat(balance(from)).as("the nonce is the idempotency key: two presses send once").isEqualTo(380);
        assertThat(balance(to)).isEqualTo(120);
    }

    @Test
    void aBadSendComesBackWithWhatWasTypedASummaryAndTheMessageBesideEachField() throws Exception {
        User from = resident(500);
        User to = resident(0);
        long head = ledger.head().sequence();

        String ja = mvc.perform(post("/send").with(csrf()).with(signedIn(from))
                        .param("to", "nobody-here").param("amount", "１．５").param("note", "お礼です")
                        .param("intent", QrCodes.nonce()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String en = mvc.perform(post("/send").with(csrf()).with(signedIn(from)).param("lang", "en")
                        .param("to", to.username()).param("amount", "").param("note", "thanks")
                        .param("intent", QrCodes.nonce()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(ja).contains("class=\"error-summary\"", "入力内容を確認してください",
                        "href=\"#to\"", "href=\"#amount\"", "id=\"to-error\"", "id=\"amount-error\"",
                        "送り先が見つかりません", "金額は1以上の整数で入力してください",
                        "value=\"nobody-here\"", "value=\"１．５\"", "value=\"お礼です\"",
                        "aria-invalid=\"true\"")
                .doesNotContain("入力内容に誤りがあります");
        assertThat(en).contains("Check what you entered", "href=\"#amount\"", "Enter the amount (for example 300)",
                        "value=\"" + to.username() + "\"", "value=\"thanks\"")
                .doesNotContain("href=\"#to\"", "金額");
        assertThat(ledger.head().sequence()).as("nothing was posted").isEqualTo(head);
        assertThat(balance(from)).isEqualTo(500);
    }

    @Test
    void backFromTheConfirmationReturnsTheFormWithEverythingTyped() throws Exception {
        User from = resident(500);
        User to = resident(0);

        String back = mvc.perform(post("/send").with(csrf()).with(signedIn(from)).param("step", "back")
                        .param("to", to.username()).param("amount", "300").param("note", "また今度")
                        .param("intent", QrCodes.nonce()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(back).contains("id=\"send-submit\"", "value=\"300\"", "value=\"また今度\"")
                .doesNotContain("error-summary");
        assertThat(balance(to)).isZero();
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
