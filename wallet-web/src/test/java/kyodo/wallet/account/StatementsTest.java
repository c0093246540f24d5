package kyodo.wallet.account;

import kyodo.fund.access.UserId;
import kyodo.fund.directory.GroupId;
import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.wallet.WalletWebTest;
import kyodo.wallet.account.WalletOwner;
import kyodo.wallet.qr.QrCodes;
import kyodo.wallet.transfer.Sender;
import kyodo.wallet.user.MerchantId;
import kyodo.wallet.user.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A wallet's month, newest first, in pages, with the other side's name. */
class StatementsTest extends WalletWebTest {
    @Autowired
    Statements statements;
    @Autowired
    Sender sender;
    @Autowired
    CounterpartyNames names;

    @Test
    void historyIsPagedNewestFirstWithCounterpartyNames() {
        User from = resident(10_000);
        User to = resident(0);
        int sends = Statements.PAGE_SIZE + 5;
        for (int i = 1; i <= sends; i++) {
            assertThat(sender.send(from.userId(), WalletOwner.resident(to.userId()), Integer.toString(i), "note " + i,
                    QrCodes.nonce()).ok()).isTrue();
        }
        YearMonth month = YearMonth.now(BusinessCalendar.ZONE);

        Statement first = statements.of(WalletOwner.resident(from.id()), month, 0, 0);
        Statement second = statements.of(WalletOwner.resident(from.id()), month, 1, 0);

        assertThat(first.lines()).hasSize(Statements.PAGE_SIZE);
        assertThat(first.hasMore()).isTrue();
        assertThat(first.lines().get(0).change()).isEqualTo(-sends);
        assertThat(first.lines().get(0).counterparty()).isEqualTo(to.displayName());
        assertThat(first.lines().get(0).memo()).isEqualTo("note " + sends);
        // 25 sends and the issuance: 6 lines on the second page, the oldest being the issuance
        assertThat(second.lines()).hasSize(sends + 1 - Statements.PAGE_SIZE);
        assertThat(second.hasMore()).isFalse();
        assertThat(second.lines().get(second.lines().size() - 1).counterparty())
                .isEqualTo(CounterpartyNames.ISSUANCE_KEY);
        assertThat(first.balance().available()).isEqualTo(10_000 - (long) sends * (sends + 1) / 2);
    }

    @Test
    void aMonthWithoutMovementsIsEmpty() {
        User resident = resident(100);

        Statement old = statements.of(WalletOwner.resident(resident.id()), YearMonth.of(2020, 1), 0, 0);

        assertThat(old.lines()).isEmpty();
        assertThat(old.balance().available()).isEqualTo(100);
    }

    @Test
    void residentsAndGroupsHoldMonthlyVintagesAndMerchantsOneAccount() {
        assertThat(WalletOwner.merchant(new MerchantId(42)).accountCode()).isEqualTo("wallet:merchant:42");
        assertThat(WalletOwner.resident(new UserId(42)).vintageCode(YearMonth.of(2026, 11)))
                .isEqualTo("wallet:resident:42:2026-11");
        assertThat(WalletOwner.vintageOf("wallet:group:7:2027-03")).contains(YearMonth.of(2027, 3));
        assertThat(WalletOwner.vintageOf("wallet:merchant:7:2027-03")).isEmpty();
        assertThat(WalletOwner.vintageOf("wallet:resident:7")).isEmpty();
        assertThatThrownBy(() -> WalletOwner.merchant(new MerchantId(42)).vintageCode(YearMonth.of(2026, 11)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(WalletOwner.fromAccountCode("wallet:resident:42:2026-11"))
                .contains(WalletOwner.resident(new UserId(42)));
        assertThat(WalletOwner.fromAccountCode("wallet:group:7")).contains(WalletOwner.group(new GroupId(7)));
        assertThat(WalletOwner.fromAccountCode("issuance:pt")).isEmpty();
    }
}
