package kyodo.fund.layout;

import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;

/**
 * What the layout draws around a page ({@code ${frame}} in templates): the viewer, the ward, the menus for the
 * viewer's roles, and the two addresses of this page in Japanese and in English.
 *
 * @param viewer      who is looking
 * @param wardName    the ward's name as configured ({@code kyodo.ward.name}), or null for the bundle's
 * @param contact     the ward office's contact as configured ({@code kyodo.ward.contact}), or null for the bundle's
 * @param menu        the top menu's links
 * @param bar         the phone's bottom bar (residents), possibly empty
 * @param account     the links beside the signed-in person's name
 * @param path        the path of the page, for marking the menu's current link
 * @param japaneseHref this page in Japanese
 * @param englishHref  this page in English
 */
public record Frame(Viewer viewer, String wardName, String contact, List<MenuLink> menu, List<MenuLink> bar,
                    List<MenuLink> account, String path, String japaneseHref, String englishHref) {
    /**
     * The frame of a page drawn where no {@link LayoutAdvice} ran (a test slice without it): nobody signed in, no
     * menu, and language links that stay on the page's address.
     */
    public static final Frame BARE = new Frame(Viewer.VISITOR, null, null, List.of(), List.of(), List.of(), "/",
            "?lang=ja", "?lang=en");

    public Frame {
        menu = List.copyOf(menu);
        bar = List.copyOf(bar);
        account = List.copyOf(account);
    }

    /** This page in plain Japanese (やさしい日本語): the Japanese address with {@code lang=ja-easy}. */
    public String easyJapaneseHref() {
        try {
            return UriComponentsBuilder.fromUriString(japaneseHref).replaceQueryParam("lang", "ja-easy").build(true)
                    .toUriString();
        } catch (IllegalArgumentException malformed) {
            return "?lang=ja-easy";
        }
    }

    /**
     * Whether the link is the page's own place in the menu: the link whose path is the longest that the page's
     * path starts with (segment by segment), so {@code /staff/points/x} marks "points" and not "staff".
     */
    public boolean current(MenuLink link) {
        String best = null;
        for (List<MenuLink> links : List.of(menu, bar)) {
            for (MenuLink candidate : links) {
                if (covers(candidate.href(), path) && (best == null || candidate.href().length() > best.length())) {
                    best = candidate.href();
                }
            }
        }
        return link.href().equals(best);
    }

    private static boolean covers(String href, String path) {
        if (href.equals("/")) {
            return path.equals(href); // the home page is the place of no other page
        }
        return path.equals(href) || path.startsWith(href.endsWith("/") ? href : href + "/");
    }
}
