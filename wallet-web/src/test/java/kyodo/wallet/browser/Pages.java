package kyodo.wallet.browser;

import kyodo.fund.access.Role;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every page of both modules (every GET handler that renders a view), with the role that opens it and the address
 * of a real instance of it in the fixtures {@link EveryPageBrowserTest} creates. The test checks this list against
 * Spring's handler mappings: a page added without a line here, or in {@link #NOT_PAGES} with its reason, fails it.
 */
final class Pages {
    /**
     * One page: its {@code name} (the screenshot's file name), the handler's {@code pattern} as Spring maps it, the
     * {@code role} that opens it ({@code null}: anyone, signed out) and where a real instance of it is.
     */
    record Page(String name, String pattern, Role role, Function<Fixtures, String> path) {
        String pathIn(Fixtures fixtures) {
            return path.apply(fixtures);
        }
    }

    /**
     * What the pages with an id in their address show, created through the services for the test; the payment
     * page's QR is made anew at each visit, since an order QR expires.
     */
    record Fixtures(long logEntry, Supplier<String> payQuery, long activity, long group, long program, long application,
                    long reconciliation) {
    }

    static final List<Page> ALL = List.of(
            anyone("home", "/"),
            anyone("signin", "/signin"),
            anyone("signup", "/signup"),
            new Page("signup-merchant", "/signup", null, f -> "/signup?as=merchant"),
            anyone("log", "/log"),
            anyone("log-checkpoints", "/log/checkpoints"),
            new Page("log-entry", "/log/entries/{sequence}", null, f -> "/log/entries/" + f.logEntry()),
            anyone("fund-report", "/fund/report"),
            anyone("fund-results", "/fund/results"),
            anyone("fund-groups", "/fund/groups"),
            new Page("home-resident", "/home", Role.RESIDENT, f -> "/home"),
            new Page("fund-invitations", "/fund/invitations", Role.GROUP_COORDINATOR, f -> "/fund/invitations"),
            anyone("points-report", "/fund/points-report"),

            signedIn("wallet", "/wallet", Role.RESIDENT),
            signedIn("wallet-qr", "/wallet/qr", Role.RESIDENT),
            signedIn("pay-scan", "/pay", Role.RESIDENT),
            new Page("pay", "/pay", Role.RESIDENT, f -> "/pay?q=" + f.payQuery().get()),
            signedIn("send", "/send", Role.RESIDENT),
            signedIn("activities", "/activities", Role.RESIDENT),
            new Page("activity-check", "/activities/check", Role.RESIDENT, f -> "/activities/check?t=expired"),
            signedIn("notices", "/notices", Role.RESIDENT),
            signedIn("passkeys", "/passkeys", Role.RESIDENT),
            signedIn("fund-donate", "/fund/donate", Role.RESIDENT),
            signedIn("fund-donations", "/fund/donations", Role.RESIDENT),

            signedIn("merchant", "/merchant", Role.MERCHANT),
            signedIn("merchant-settlements", "/merchant/settlements", Role.MERCHANT),
            signedIn("merchant-vouchers", "/merchant/vouchers", Role.MERCHANT),

            signedIn("coordinator-activities", "/coordinator/activities", Role.GROUP_COORDINATOR),
            new Page("coordinator-activity", "/coordinator/activities/{id}", Role.GROUP_COORDINATOR,
                    f -> "/coordinator/activities/" + f.activity()),
            new Page("group-wallet", "/groups/{id}/wallet", Role.GROUP_COORDINATOR,
                    f -> "/groups/" + f.group() + "/wallet"),
            signedIn("fund-applications", "/fund/applications", Role.GROUP_COORDINATOR),

            signedIn("staff", "/staff", Role.STAFF),
            signedIn("staff-points", "/staff/points", Role.STAFF),
            signedIn("staff-settlements", "/staff/settlements", Role.STAFF),
            signedIn("staff-vouchers", "/staff/vouchers", Role.STAFF),
            signedIn("fund-staff-programs", "/fund/staff/programs", Role.STAFF),
            signedIn("fund-staff-program-new", "/fund/staff/programs/new", Role.STAFF),
            new Page("fund-staff-program", "/fund/staff/programs/{id}", Role.STAFF,
                    f -> "/fund/staff/programs/" + f.program()),
            signedIn("fund-staff-disbursements", "/fund/staff/disbursements", Role.STAFF),
            signedIn("fund-staff-pledges", "/fund/staff/pledges", Role.STAFF),

            new Page("fund-review", "/fund/review/{id}", Role.COMMITTEE, f -> "/fund/review/" + f.application()),

            signedIn("audit", "/fund/audit", Role.AUDITOR),
            signedIn("audit-trial-balance", "/fund/audit/trial-balance", Role.AUDITOR),
            signedIn("audit-statement", "/fund/audit/statement", Role.AUDITOR),
            signedIn("audit-journal", "/fund/audit/journal", Role.AUDITOR),
            signedIn("audit-reconciliation", "/fund/audit/reconciliation", Role.AUDITOR),
            new Page("audit-reconciliation-import", "/fund/audit/reconciliation/{id}", Role.AUDITOR,
                    f -> "/fund/audit/reconciliation/" + f.reconciliation()),
            signedIn("audit-verification", "/fund/audit/verification", Role.AUDITOR));

    /** GET handlers that return a view name but are not pages of their own, each with the reason. */
    static final Map<String, String> NOT_PAGES = Map.of(
            "/start", "redirects each role to its home page, which is listed");

    private Pages() {
    }

    private static Page anyone(String name, String path) {
        return new Page(name, path, null, f -> path);
    }

    private static Page signedIn(String name, String path, Role role) {
        return new Page(name, path, role, f -> path);
    }
}
