package kyodo.fund.layout;

/**
 * One link of the layout's menu: where it goes, the message key of its label, and for the phone's bottom bar the
 * name of its icon (one of the layout's symbols: {@code wallet}, {@code pay}, {@code send}, {@code activities},
 * {@code notices}).
 *
 * @param href     a path of this application, such as {@code /wallet}
 * @param labelKey the key of its label in the message bundles
 * @param icon     the icon's name, or null for a link without one
 */
public record MenuLink(String href, String labelKey, String icon) {
    public MenuLink(String href, String labelKey) {
        this(href, labelKey, null);
    }

    public MenuLink {
        if (href == null || !href.startsWith("/")) {
            throw new IllegalArgumentException("a menu link is a path of this application, not " + href);
        }
        if (labelKey == null || labelKey.isBlank()) {
            throw new IllegalArgumentException("a menu link needs a label key");
        }
    }
}
