package kyodo.wallet.home;

import kyodo.fund.layout.MenuContributor;
import kyodo.fund.layout.MenuLink;
import kyodo.fund.layout.Viewer;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The application's own pages in the layout's menu, by role; the fund adds its pages after these. Residents also
 * get the phone's bottom bar of their everyday pages (ウォレット・支払う・送る・活動・お知らせ).
 */
@Component
@Order(100)
class WalletMenu implements MenuContributor {
    private static final List<MenuLink> RESIDENT_BAR = List.of(
            new MenuLink("/wallet", "bar.wallet", "wallet"),
            new MenuLink("/pay", "bar.pay", "pay"),
            new MenuLink("/send", "bar.send", "send"),
            new MenuLink("/activities", "bar.activities", "activities"),
            new MenuLink(NoticesController.PATH, "bar.notices", "notices"));

    @Override
    public List<MenuLink> links(Viewer viewer) {
        List<MenuLink> links = new ArrayList<>();
        if (!viewer.signedIn()) {
            links.add(new MenuLink("/", "nav.home"));
            return links;
        }
        // Every signed-in person's menu starts at their own home: what waits for them and what they can do.
        // Residents' menu is already long on a phone (it wraps above the bottom bar); they land on the home.
        if (!viewer.is("RESIDENT")) {
            links.add(new MenuLink(HomePage.PATH, "nav.home"));
        }
        if (viewer.is("RESIDENT")) {
            links.add(new MenuLink("/wallet", "nav.wallet"));
            links.add(new MenuLink("/pay", "nav.scan"));
            links.add(new MenuLink("/wallet/qr", "nav.myqr"));
            links.add(new MenuLink("/send", "nav.send"));
            links.add(new MenuLink("/activities", "nav.activities"));
            links.add(new MenuLink(NoticesController.PATH, "nav.notices"));
        }
        if (viewer.is("MERCHANT")) {
            links.add(new MenuLink("/merchant", "nav.terminal"));
            links.add(new MenuLink("/merchant/vouchers", "voucher.redeem"));
            links.add(new MenuLink("/merchant/settlements", "settlement.mine"));
        }
        if (viewer.is("GROUP_COORDINATOR")) {
            links.add(new MenuLink("/coordinator/activities", "nav.coordinator"));
        }
        if (viewer.isAny("STAFF", "ADMIN")) {
            links.add(new MenuLink("/staff", "nav.staff"));
        }
        // Admin runs the system, not the points (docs/roles.md): these pages move value and are staff's alone.
        if (viewer.is("STAFF")) {
            links.add(new MenuLink("/staff/points", "nav.staffpoints"));
            links.add(new MenuLink("/staff/vouchers", "voucher.title"));
            links.add(new MenuLink("/staff/settlements", "settlement.title"));
        }
        return links;
    }

    @Override
    public List<MenuLink> bar(Viewer viewer) {
        return viewer.is("RESIDENT") ? RESIDENT_BAR : List.of();
    }

    @Override
    public List<MenuLink> account(Viewer viewer) {
        return viewer.signedIn() ? List.of(new MenuLink("/passkeys", "nav.passkeys")) : List.of();
    }
}
