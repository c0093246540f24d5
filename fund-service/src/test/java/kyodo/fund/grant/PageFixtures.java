package kyodo.fund.grant;

import kyodo.fund.FundApi;

/** Grant fixtures for tests outside this package. */
public record PageFixtures(FundApi api) {
    /** A submitted application in a fresh children program that {@code reviewer} is assigned to. */
    public long submittedApplication(String coordinator, String reviewer) throws Exception {
        GrantFixtures world = new GrantFixtures(api);
        long group = world.group(coordinator, "審査画面の会");
        long program = world.program("children", null, 1_000_000, GrantFixtures.OPEN_UNTIL, reviewer);
        return world.submitted(coordinator, program, group, 10_000);
    }

    /** A draft application of a fresh verified group in a fresh children program, with money in the general fund. */
    public long draftApplication(String coordinator) throws Exception {
        GrantFixtures world = new GrantFixtures(api);
        world.donate(100_000, "general");
        long group = world.group(coordinator, "申請画面の会");
        long program = world.program("children", "general", 1_000_000, GrantFixtures.OPEN_UNTIL);
        return world.draft(coordinator, program, group, 30_000);
    }

    /** Awards a submitted application in full and has {@code staff} request a first tranche of 10,000 yen. */
    public long requestedDisbursement(long application, String staff) throws Exception {
        long award = new GrantFixtures(api).award(application, 30_000);
        return api.postForId(FundApi.as(staff, "STAFF"), "/api/fund/awards/" + award + "/disbursements",
                "{\"amount\":10000}", "$.id");
    }
}
