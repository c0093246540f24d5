package kyodo.wallet.demo;

import kyodo.fund.access.Role;
import kyodo.fund.directory.Group;
import kyodo.fund.directory.Groups;
import kyodo.wallet.WalletWebTest;
import kyodo.wallet.account.WalletOwner;
import kyodo.wallet.user.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The demo ward has what its journeys need: two staff members for two-person approval, and a group's wallet. */
class DemoDataTest extends WalletWebTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    Groups groups;

    @Test
    void twoStaffMembersSoThatOneRequestsAndTheOtherApprovesATranche() throws Exception {
        User staff = demo("staff");
        User second = demo("staff2");

        assertThat(List.of(staff.role(), second.role())).containsOnly(Role.STAFF);
        assertThat(second.id()).isNotEqualTo(staff.id());
        assertThat(mvc.perform(get("/fund/staff/disbursements").with(signedIn(second))).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
        assertThat(demo("admin").role()).isEqualTo(Role.ADMIN);
        assertThat(mvc.perform(get("/fund/staff/disbursements").with(signedIn(demo("admin")))).andReturn()
                .getResponse().getStatus()).as("an admin is not a second approver").isEqualTo(403);
    }

    @Test
    void theDemoCoordinatorsGroupHasAWalletWithTheGiftOfAResident() throws Exception {
        User coordinator = demo("coordinator");
        assertThat(coordinator.role()).isEqualTo(Role.GROUP_COORDINATOR);
        List<Group> theirs = groups.coordinatedBy(coordinator.userId()).stream().map(groups::find)
                .flatMap(java.util.Optional::stream).toList();
        assertThat(theirs).hasSize(1);
        Group group = theirs.get(0);
        assertThat(group.verified()).isTrue();
        assertThat(wallets.balance(WalletOwner.group(group.id())).available())
                .isEqualTo(DemoData.GIFT_TO_GROUP);

        String home = mvc.perform(get("/coordinator/activities").with(signedIn(coordinator))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(home).contains("/groups/" + group.id().value() + "/wallet").contains("800 pt");
    }
}
