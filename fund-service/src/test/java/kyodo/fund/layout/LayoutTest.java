package kyodo.fund.layout;

import kyodo.fund.FundWebTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static kyodo.fund.FundApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The fund's pages are drawn in the one layout even without wallet-web: skip link, header with the ward and the
 * language switch that keeps the page, the viewer and their role, the menu of their role, main content, footer.
 */
class LayoutTest extends FundWebTest {

    @Test
    void aVisitorSeesTheWardTheLanguageSwitchOfThisPageAndThePublicMenu() throws Exception {
        String page = page(get("/fund/groups?x=1"));

        assertThat(page).contains("<html lang=\"ja\">")
                .contains("<a class=\"skip-link\" href=\"#main\">本文へ移動</a>")
                .contains("<main id=\"main\">")
                .contains("協働区")
                .contains("id=\"lang-en\" lang=\"en\" hreflang=\"en\" href=\"/fund/groups?x=1&amp;lang=en\"")
                .contains("id=\"signin-link\"")
                .contains("href=\"/fund/report\"")
                .contains("aria-current=\"page\">団体情報バンク</a>")
                .contains("03-5555-0100")
                .doesNotContain("id=\"signout\"");
        assertThat(page.indexOf("class=\"site-header\"")).isLessThan(page.indexOf("<main id=\"main\">"));
        assertThat(page.indexOf("<main id=\"main\">")).isLessThan(page.indexOf("class=\"site-footer\""));
    }

    @Test
    void aSignedInPersonSeesTheirNameTheirRoleInThePagesLanguageAndTheirMenu() throws Exception {
        String japanese = page(get("/fund/groups").with(as("staff-layout", "STAFF")));
        assertThat(japanese).contains("id=\"viewer-name\" data-i18n-exempt>staff-layout</span>")
                .contains("id=\"viewer-role\">区職員</span>")
                .contains("id=\"signout\"")
                .contains("href=\"/fund/staff/pledges\"")
                .doesNotContain("href=\"/fund/donate\"");

        String english = page(get("/fund/groups").header("Accept-Language", "en").with(as("donor-layout", "DONOR")));
        assertThat(english).contains("<html lang=\"en\">")
                .contains("id=\"viewer-role\">Donor</span>")
                .contains("href=\"/fund/donate\"")
                .contains("Skip to the main content")
                .doesNotContain("href=\"/fund/staff/pledges\"");
    }

    @Test
    void theMenuMarksThePagesOwnPlaceAndNoOther() {
        MenuLink home = new MenuLink("/", "home");
        MenuLink staff = new MenuLink("/staff", "staff");
        MenuLink points = new MenuLink("/staff/points", "points");
        List<MenuLink> menu = List.of(home, staff, points);

        assertThat(frameAt("/staff/points/x", menu).current(points)).isTrue();
        assertThat(frameAt("/staff/points/x", menu).current(staff)).isFalse();
        assertThat(frameAt("/staff", menu).current(staff)).isTrue();
        assertThat(frameAt("/log", menu).current(home)).isFalse();
        assertThat(frameAt("/", menu).current(home)).isTrue();
        assertThat(frameAt("/staffroom", menu).current(staff)).isFalse();
    }

    private static Frame frameAt(String path, List<MenuLink> menu) {
        return new Frame(Viewer.VISITOR, null, null, menu, List.of(), List.of(), path, "?lang=ja", "?lang=en");
    }

    @Test
    void theLanguageLinksStayOnThisApplication() {
        assertThat(LayoutAdvice.inLanguage("/fund/report", "year=2026&lang=ja", "en"))
                .isEqualTo("/fund/report?year=2026&lang=en");
        assertThat(LayoutAdvice.inLanguage("/fund/report", "bad=%zz", "en")).isEqualTo("?lang=en");
    }

    private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
