package kyodo.wallet.group;

import kyodo.fund.directory.Group;
import kyodo.ledger.EntryKind;
import kyodo.wallet.WalletWebTest;
import kyodo.wallet.account.CounterpartyNames;
import kyodo.wallet.account.Statement;
import kyodo.wallet.account.Statements;
import kyodo.wallet.account.WalletOwner;
import kyodo.wallet.payment.Cashier;
import kyodo.wallet.payment.Payment;
import kyodo.wallet.payment.PaymentError;
import kyodo.wallet.payment.PaymentOutcome;
import kyodo.wallet.payment.Payments;
import kyodo.wallet.qr.QrCodes;
import kyodo.wallet.transfer.Sender;
import kyodo.wallet.user.Merchant;
import kyodo.wallet.user.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A group's wallet belongs to that group's coordinators: they see it and spend it; a coordinator of another group
 * can do neither, by page, by the services behind it or by writing the database directly.
 */
class GroupWalletTest extends WalletWebTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    Sender sender;
    @Autowired
    Cashier cashier;
    @Autowired
    Payments payments;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Statements statements;

    private long groupBalance(Group group) {
        return wallets.balance(WalletOwner.group(group.id())).available();
    }

    /** A verified group whose wallet holds {@code points}, given by a resident. */
    private Group groupWith(User coordinator, long points) {
        Group group = verifiedGroup(coordinator, "財布の会 " + coordinator.id());
        User giver = resident(points);
        assertThat(sender.send(giver.userId(), WalletOwner.group(group.id()), Long.toString(points), "寄贈",
                QrCodes.nonce()).ok()).isTrue();
        return group;
    }

    @Test
    void aCoordinatorSeesTheGroupsPointsAndSendsThemToAResident() throws Exception {
        User coordinator = newCoordinator();
        Group group = groupWith(coordinator, 700);
        User resident = resident(0);
        String wallet = "/groups/" + group.id().value() + "/wallet";

        String page = mvc.perform(get(wallet).with(signedIn(coordinator))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(group.name()).contains("700 pt").contains("寄贈");
        mvc.perform(post(wallet + "/send").with(csrf()).with(signedIn(coordinator)).param("to", resident.username())
                        .param("amount", "250").param("note", "お手伝いのお礼").param("intent", QrCodes.nonce()))
                .andReturn();

        assertThat(groupBalance(group)).isEqualTo(450);
        assertThat(balance(resident)).isEqualTo(250);
        var entry = ledger.entries(ledger.head().sequence(), ledger.head().sequence()).get(0);
        assertThat(entry.actor()).as("the coordinator acted").isEqualTo("user:" + coordinator.id());
        String refused = mvc.perform(post(wallet + "/send").with(csrf()).with(signedIn(coordinator))
                        .param("to", resident.username()).param("amount", "5000").param("intent", QrCodes.nonce()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("ポイントが足りません").contains("send-error");
    }

    @Test
    void aCoordinatorOfAnotherGroupCanNeitherSeeNorSpendTheWallet() throws Exception {
        User owner = newCoordinator();
        Group group = groupWith(owner, 600);
        User stranger = newCoordinator();
        verifiedGroup(stranger, "よその会 " + stranger.id());
        User resident = resident(0);
        Merchant shop = merchant();
        String wallet = "/groups/" + group.id().value() + "/wallet";

        var seen = mvc.perform(get(wallet).with(signedIn(stranger))).andReturn().getResponse();
        assertThat(seen.getStatus()).isEqualTo(404);
        assertThat(seen.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(group.name())
                .doesNotContain("600 pt").contains("group-wallet-missing");
        assertThat(mvc.perform(post(wallet + "/send").with(csrf()).with(signedIn(stranger))
                        .param("to", resident.username()).param("amount", "100").param("intent", QrCodes.nonce()))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(post(wallet + "/pay").with(csrf()).with(signedIn(stranger))
                        .param("merchantId", shop.id().toString()).param("amount", "100")
                        .param("intent", QrCodes.nonce()))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get(wallet).with(signedIn(resident))).andReturn().getResponse().getStatus())
                .as("a resident is not a coordinator at all").isEqualTo(403);

        assertThat(sender.sendFromGroup(stranger.userId(), group.id(), resident.id(), "100", "", QrCodes.nonce())
                .error()).isEqualTo(PaymentError.NOT_ALLOWED);
        assertThat(cashier.payFromGroup(stranger.userId(), group.id(), shop.id(), "100", QrCodes.nonce()).error())
                .isEqualTo(PaymentError.NOT_ALLOWED);
        assertThatThrownBy(() -> jdbc.update("""
                        insert into payment (entry_key, payer_id, payer_group_id, merchant_id, amount, channel,
                                             created_at) values (?, ?, ?, ?, 100, 'GROUP_WALLET', now())""",
                "test:not-a-coordinator:" + stranger.id(), stranger.id().value(), group.id().value(),
                shop.id().value()))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("does not coordinate group");

        assertThat(groupBalance(group)).isEqualTo(600);
        assertThat(balance(resident)).isZero();
        assertThat(balance(shop)).isZero();
    }

    @Test
    void aCoordinatorPaysAShopFromTheGroupsWalletAndARefundGoesBackToTheGroup() throws Exception {
        User coordinator = newCoordinator();
        Group group = groupWith(coordinator, 900);
        Merchant shop = merchant();
        String intent = QrCodes.nonce();

        for (int attempt = 0; attempt < 2; attempt++) {
            mvc.perform(post("/groups/" + group.id().value() + "/wallet/pay").with(csrf())
                    .with(signedIn(coordinator)).param("merchantId", shop.id().toString()).param("amount", "400")
                    .param("intent", intent)).andReturn();
        }

        assertThat(groupBalance(group)).as("paid once, however often the form was sent").isEqualTo(500);
        assertThat(balance(shop)).isEqualTo(400);
        Payment sale = payments.findByEntryKey("gpay:" + intent + ":" + group.id().value()).orElseThrow();
        assertThat(sale.payerId()).isEqualTo(coordinator.id());
        assertThat(sale.payerGroupId()).isEqualTo(group.id());

        PaymentOutcome refunded = cashier.refund(shop.id(), sale.id(), "150", QrCodes.nonce());
        assertThat(refunded.ok()).isTrue();
        assertThat(groupBalance(group)).as("the refund returns to the wallet that paid").isEqualTo(650);
        assertThat(balance(shop)).isEqualTo(250);
    }

    private long fundPoints() {
        return ledger.balance(wallets.fundPoints()).orElseThrow().available();
    }

    @Test
    void aCoordinatorGivesTheGroupsPointsToTheFundOnceHoweverOftenTheFormIsSent() {
        User coordinator = newCoordinator();
        Group group = groupWith(coordinator, 500);
        long fundBefore = fundPoints();
        String intent = QrCodes.nonce();

        Sender.Sent first = sender.donateFromGroup(coordinator.userId(), group.id(), "300", intent);
        Sender.Sent retried = sender.donateFromGroup(coordinator.userId(), group.id(), "300", intent);

        assertThat(first.ok()).isTrue();
        assertThat(first.repeated()).isFalse();
        assertThat(retried.ok()).isTrue();
        assertThat(retried.repeated()).as("the retry finds the first gift").isTrue();
        assertThat(retried.sequence()).isEqualTo(first.sequence());
        assertThat(groupBalance(group)).isEqualTo(200);
        assertThat(fundPoints() - fundBefore).isEqualTo(300);
        var entry = ledger.entries(first.sequence(), first.sequence()).get(0);
        assertThat(entry.kind()).isEqualTo(EntryKind.TRANSFER);
        assertThat(entry.key().value()).isEqualTo(Sender.DONATION_KEY_PREFIX + intent + ":" + group.id().value());
        assertThat(entry.actor()).as("the coordinator acted").isEqualTo(coordinator.userId().journalActor());
        Statement history = statements.of(WalletOwner.group(group.id()), wallets.currentMonth(), 0, 0);
        assertThat(history.lines().get(0).change()).isEqualTo(-300);
        assertThat(history.lines().get(0).counterparty()).isEqualTo(CounterpartyNames.FUND_DONATION_KEY);
    }

    @Test
    void noOneButTheGroupsCoordinatorsGivesItsPointsAndNeverMoreThanItHolds() {
        User coordinator = newCoordinator();
        Group group = groupWith(coordinator, 400);
        User stranger = newCoordinator();
        verifiedGroup(stranger, "よその会 " + stranger.id());
        User resident = resident(0);
        long fundBefore = fundPoints();

        assertThat(sender.donateFromGroup(stranger.userId(), group.id(), "100", QrCodes.nonce()).error())
                .isEqualTo(PaymentError.NOT_ALLOWED);
        assertThat(sender.donateFromGroup(resident.userId(), group.id(), "100", QrCodes.nonce()).error())
                .isEqualTo(PaymentError.NOT_ALLOWED);
        assertThat(sender.donateFromGroup(coordinator.userId(), group.id(), "401", QrCodes.nonce()).error())
                .isEqualTo(PaymentError.INSUFFICIENT_FUNDS);
        assertThat(sender.donateFromGroup(coordinator.userId(), group.id(), "0", QrCodes.nonce()).error())
                .isEqualTo(PaymentError.AMOUNT_NOT_POSITIVE);
        assertThat(sender.donateFromGroup(coordinator.userId(), group.id(), "100", "short").error())
                .isEqualTo(PaymentError.QR_MALFORMED);

        assertThat(groupBalance(group)).isEqualTo(400);
        assertThat(fundPoints()).isEqualTo(fundBefore);
    }

    @Test
    void theGiftIsReviewedThenConfirmedOnThePageAndAStrangerFindsNoSuchPage() throws Exception {
        User coordinator = newCoordinator();
        Group group = groupWith(coordinator, 600);
        String wallet = "/groups/" + group.id().value() + "/wallet";
        String intent = QrCodes.nonce();

        String review = mvc.perform(post(wallet + "/donate").with(csrf()).with(signedIn(coordinator))
                        .param("amount", "250").param("intent", intent)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(review).contains(group.name() + "のポイント 250 pt を基金に寄附します。")
                .contains("donate-confirm").contains(intent);
        assertThat(groupBalance(group)).as("reviewing gives nothing").isEqualTo(600);
        String tooMuch = mvc.perform(post(wallet + "/donate").with(csrf()).with(signedIn(coordinator))
                        .param("amount", "601").param("intent", intent)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(tooMuch).contains("donate-error").contains("ポイントが足りません").doesNotContain("donate-confirm\"");
        assertThat(mvc.perform(post(wallet + "/donate").with(csrf()).with(signedIn(coordinator))
                        .param("amount", "２５０").param("intent", intent)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
                .as("full-width digits are read as every amount field reads them").contains("donate-confirm")
                .contains("250 pt");

        User stranger = newCoordinator();
        verifiedGroup(stranger, "よその会 " + stranger.id());
        assertThat(mvc.perform(post(wallet + "/donate").with(csrf()).with(signedIn(stranger))
                .param("amount", "250").param("intent", intent)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(post(wallet + "/donate/confirm").with(csrf()).with(signedIn(stranger))
                .param("amount", "250").param("intent", intent)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(groupBalance(group)).isEqualTo(600);

        for (int attempt = 0; attempt < 2; attempt++) {
            var confirmed = mvc.perform(post(wallet + "/donate/confirm").with(csrf()).with(signedIn(coordinator))
                    .param("amount", "250").param("intent", intent)).andReturn().getResponse();
            assertThat(confirmed.getRedirectedUrl()).isEqualTo(wallet);
        }
        assertThat(groupBalance(group)).as("given once, however often it was confirmed").isEqualTo(350);
    }
}
