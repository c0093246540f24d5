package kyodo.fund.grant;

import kyodo.fund.FundApi;

/** Grant fixtures for tests outside this package. */
public record PageFixtures(FundApi api) {
    /** A submitted application in a fresh children program that {@code reviewer} is assigned to. */
    public long submittedApplication(String coordinator, String reviewer) throws Exception {
        GrantFixtures world = new GrantFixtures(api);
        long group = world.group(coordinator, "審査画面の会");
        long program = world.program("children", null, 1_000_000, "2027-05-31T15:00:00Z", reviewer);
        return world.submitted(coordinator, program, group, 10_000);
    }
}
