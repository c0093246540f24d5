package kyodo.fund.layout;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The fund's pages in the menu: the public reports for visitors, donating for donors and residents, applications
 * for group coordinators, the fund's desk for staff and the audit workspace for auditors. It follows the
 * application's own links ({@link Order} 100 and below come first).
 */
@Component
@Order(200)
class FundMenu implements MenuContributor {
    @Override
    public List<MenuLink> links(Viewer viewer) {
        List<MenuLink> links = new ArrayList<>();
        if (!viewer.signedIn()) {
            links.add(new MenuLink("/fund/report", "layout.menu.fund.report"));
            links.add(new MenuLink("/fund/points-report", "layout.menu.fund.points"));
            links.add(new MenuLink("/fund/results", "layout.menu.fund.results"));
            links.add(new MenuLink("/fund/groups", "layout.menu.fund.groups"));
            return links;
        }
        if (viewer.isAny("DONOR", "RESIDENT")) {
            links.add(new MenuLink("/fund/donate", "layout.menu.fund.donate"));
            links.add(new MenuLink("/fund/donations", "layout.menu.fund.donations"));
        }
        if (viewer.is("GROUP_COORDINATOR")) {
            links.add(new MenuLink("/fund/applications", "layout.menu.fund.applications"));
        }
        if (viewer.is("STAFF")) {
            links.add(new MenuLink("/fund/staff/pledges", "layout.menu.fund.pledges"));
            links.add(new MenuLink("/fund/staff/programs", "layout.menu.fund.programs"));
            links.add(new MenuLink("/fund/staff/disbursements", "layout.menu.fund.disbursements"));
        }
        if (viewer.isAny("AUDITOR", "STAFF", "ADMIN")) {
            links.add(new MenuLink("/fund/audit", "layout.menu.fund.audit"));
        }
        if (viewer.isAny("COMMITTEE", "DONOR")) {
            links.add(new MenuLink("/fund/results", "layout.menu.fund.results"));
            links.add(new MenuLink("/fund/report", "layout.menu.fund.report"));
        }
        return links;
    }
}
