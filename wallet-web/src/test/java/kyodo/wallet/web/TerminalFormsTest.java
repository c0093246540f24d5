package kyodo.wallet.web;

import kyodo.wallet.WalletWebTest;
import kyodo.wallet.payment.Cashier;
import kyodo.wallet.payment.Payment;
import kyodo.wallet.payment.Payments;
import kyodo.wallet.qr.QrCodes;
import kyodo.wallet.user.Merchant;
import kyodo.wallet.user.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The merchant terminal's forms: errors beside the field with what was typed kept, and the refund's confirmation. */
class TerminalFormsTest extends WalletWebTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    QrCodes qrCodes;
    @Autowired
    Cashier cashier;
    @Autowired
    Payments payments;

    @Test
    void aBadOrderQrComesBackWithTheTypedValuesAndAMessageBesideEachFieldInBothLanguages() throws Exception {
        Merchant shop = merchant();

        String ja = mvc.perform(post("/merchant/order-qr").with(csrf()).with(signedIn(owner(shop)))
                        .param("amount", "12,34").param("orderRef", "注文7"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String en = mvc.perform(post("/merchant/order-qr").with(csrf()).with(signedIn(owner(shop)))
                        .param("lang", "en").param("amount", "0").param("orderRef", "T-7"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(ja).contains("入力内容を確認してください", "href=\"#order-amount\"", "href=\"#order-ref\"",
                        "id=\"order-amount-error\"", "id=\"order-ref-error\"", "金額は1以上の整数で入力してください",
                        "注文番号は半角英数字", "value=\"12,34\"", "value=\"注文7\"")
                .doesNotContain("id=\"order-qr\"", "入力内容に誤りがあります");
        assertThat(en).contains("Check what you entered", "href=\"#order-amount\"", "at least 1 pt",
                "value=\"T-7\"").doesNotContain("href=\"#order-ref\"");
    }

    @Test
    void aFullWidthOrderAmountMakesTheSameQrAsItsDigits() throws Exception {
        Merchant shop = merchant();

        String page = mvc.perform(post("/merchant/order-qr").with(csrf()).with(signedIn(owner(shop)))
                        .param("amount", "１，２００").param("orderRef", "T-8"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"order-qr\"", "1,200 pt").doesNotContain("error-summary");
    }

    @Test
    void aRefundIsConfirmedNamingTheCustomerAndTheAmountBeforeAnyPointMoves() throws Exception {
        User customer = resident(500);
        Merchant shop = merchant();
        Payment sale = cashier.pay(customer.id(), qrCodes.url(qrCodes.storeQr(shop.id())), "200", QrCodes.nonce())
                .payment();
        String intent = QrCodes.nonce();
        String path = "/merchant/sales/" + sale.id() + "/refund";

        String confirm = mvc.perform(post(path).with(csrf()).with(signedIn(owner(shop)))
                        .param("amount", "１５０").param("intent", intent))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(confirm).contains(customer.displayName() + "さんに 150 pt を返金します", "id=\"refund-confirm\"");
        assertThat(balance(customer)).as("nothing moves before the confirmation").isEqualTo(300);

        for (int press = 0; press < 2; press++) {
            mvc.perform(post(path).with(csrf()).with(signedIn(owner(shop))).param("step", "confirm")
                            .param("amount", "１５０").param("intent", intent))
                    .andExpect(status().isFound()).andExpect(redirectedUrl("/merchant"));
        }
        assertThat(balance(customer)).as("two presses refund once").isEqualTo(450);
        assertThat(payments.findById(sale.id()).orElseThrow().refunded()).isEqualTo(150);
    }

    @Test
    void aRefundOverWhatIsLeftComesBackBesideItsRowAndRefundsNothing() throws Exception {
        User customer = resident(500);
        Merchant shop = merchant();
        Payment sale = cashier.pay(customer.id(), qrCodes.url(qrCodes.storeQr(shop.id())), "200", QrCodes.nonce())
                .payment();
        String field = "refund-" + sale.id();

        String ja = mvc.perform(post("/merchant/sales/" + sale.id() + "/refund").with(csrf())
                        .with(signedIn(owner(shop))).param("amount", "900").param("intent", QrCodes.nonce()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String en = mvc.perform(post("/merchant/sales/" + sale.id() + "/refund").with(csrf())
                        .with(signedIn(owner(shop))).param("lang", "en").param("step", "confirm")
                        .param("amount", "abc").param("intent", QrCodes.nonce()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(ja).contains("href=\"#" + field + "\"", "id=\"" + field + "-error\"", "返金額が売上の残りを超えています",
                "value=\"900\"");
        assertThat(en).contains("Check what you entered", "href=\"#" + field + "\"", "whole number", "value=\"abc\"");
        assertThat(balance(customer)).isEqualTo(300);
        assertThat(payments.findById(sale.id()).orElseThrow().refunded()).isZero();
    }
}
