package kyodo.wallet.i18n;

import jakarta.servlet.http.Cookie;
import kyodo.wallet.WalletWebTest;
import kyodo.wallet.user.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Plain Japanese (やさしい日本語) is a third language: asked for with ?lang=ja-easy, remembered, and falling back. */
class EasyJapaneseTest extends WalletWebTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    MessageSource messages;

    @Test
    void theBundlesOfPlainJapaneseFallBackToJapaneseForWhatTheyLack() {
        assertThat(messages.getMessage("wallet.available", null, LocaleConfiguration.EASY_JAPANESE))
                .isEqualTo("つかえる ポイント");
        assertThat(messages.getMessage("wallet.available", null, Locale.JAPANESE)).isEqualTo("利用可能残高");
        assertThat(messages.getMessage("signup.merchant", null, LocaleConfiguration.EASY_JAPANESE))
                .as("a shop's page is not a resident's: normal Japanese").isEqualTo("加盟店の登録");
        assertThat(messages.getMessage("layout.ward", null, LocaleConfiguration.EASY_JAPANESE))
                .as("the fund's bundle falls back too").isEqualTo("協働区");
        assertThat(messages.getMessage("my.waiting.signedUp", new Object[] {"清掃", "12月5日"},
                LocaleConfiguration.EASY_JAPANESE)).isEqualTo("もうしこんだ ボランティア: 清掃(12月5日から)");
    }

    @Test
    void aResidentAsksForPlainJapaneseAndKeepsIt() throws Exception {
        User resident = resident(300);
        MockHttpServletResponse asked = mvc.perform(get("/wallet").param("lang", "ja-easy").with(signedIn(resident)))
                .andReturn().getResponse();
        String page = asked.getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("つかえる ポイント").contains("lang=\"ja\"").contains("id=\"lang-easy\"")
                .doesNotContain("利用可能残高");
        assertThat(page).containsPattern("id=\"lang-easy\"[^>]*aria-current=\"true\"");
        Cookie remembered = asked.getCookie(LocaleConfiguration.COOKIE);
        assertThat(remembered).isNotNull();
        assertThat(remembered.getValue()).isEqualTo("ja-easy");

        String later = mvc.perform(get("/home").cookie(remembered).with(signedIn(resident))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(later).contains("あなたが する こと").contains("ポイントを つかう");
        String staffPage = mvc.perform(get("/staff").cookie(remembered).with(signedIn(demo("staff")))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(staffPage).as("pages that are not residents' stay in normal Japanese").contains("承認待ちの加盟店");

        String japanese = mvc.perform(get("/wallet").param("lang", "ja").cookie(remembered).with(signedIn(resident)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(japanese).contains("利用可能残高").containsPattern("id=\"lang-ja\"[^>]*aria-current=\"true\"");
    }

    @Test
    void theSwitchOffersAllThreeLanguagesOnEveryPage() throws Exception {
        String signIn = mvc.perform(get("/signin").param("lang", "ja-easy")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(signIn).contains("id=\"lang-ja\"").contains("id=\"lang-en\"").contains("id=\"lang-easy\"")
                .contains("href=\"/signin?lang=ja-easy\"").contains("サインイン(はいる)");
    }
}
