package kyodo.wallet.settlement;

import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.ledger.calendar.FiscalYear;
import kyodo.wallet.clocked.ClockedWalletTest;
import kyodo.wallet.qr.QrCodes;
import kyodo.wallet.user.Merchant;
import kyodo.wallet.user.User;
import kyodo.wallet.voucher.Voucher;
import kyodo.wallet.voucher.VoucherDesk;
import kyodo.wallet.voucher.Vouchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The voucher and settlement pages and API: roles, problem+json refusals, and merchants seeing only their own. */
class SettlementWebTest extends ClockedWalletTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    VoucherDesk desk;
    @Autowired
    Vouchers vouchers;
    @Autowired
    Settlements settlements;

    private LocalDate today() {
        return BusinessCalendar.dayOf(CLOCK.instant());
    }

    @Test
    void staffIssueByApiAndBadInputIsAProblemInBothLanguages() throws Exception {
        addBudget(FiscalYear.containing(today()).year(), 100_000);
        User staff = staff();
        Merchant shop = merchant();

        mvc.perform(post("/api/staff/voucher-batches").with(csrf()).with(signedIn(staff))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"denomination\":\"0\",\"count\":\"5\",\"expiresOn\":\"" + today().plusDays(9)
                                + "\",\"intent\":\"" + QrCodes.nonce() + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("DENOMINATION_INVALID"))
                .andExpect(jsonPath("$.message_ja").value("額面は1〜100,000 ptの整数で入力してください。"))
                .andExpect(jsonPath("$.message_en").value("The denomination must be a whole number from 1 to 100,000 pt."));
        mvc.perform(post("/api/staff/voucher-batches").with(csrf()).with(signedIn(owner(shop)))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/staff/voucher-batches").with(csrf()).with(signedIn(staff))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"denomination\":\"200\",\"count\":\"2\",\"expiresOn\":\"" + today().plusDays(9)
                                + "\",\"intent\":\"" + QrCodes.nonce() + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(400));
        long batchId = desk.issue(staff().id(), 50, 1, today().plusDays(9), QrCodes.nonce()).batch().id();
        Voucher voucher = vouchers.ofBatch(batchId).get(0);

        mvc.perform(post("/api/merchant/vouchers/redemptions").with(csrf()).with(signedIn(owner(shop)))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"voucher\":\"" + voucher.serial().grouped() + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("REDEEMED"));
        mvc.perform(post("/api/merchant/vouchers/redemptions").with(csrf()).with(signedIn(owner(shop)))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"voucher\":\"" + voucher.serial().grouped() + "\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("VOUCHER_ALREADY_REDEEMED"))
                .andExpect(jsonPath("$.message_ja").value("この紙券は使用済みです。"));
        mvc.perform(get("/api/staff/voucher-batches/" + batchId + "/sheet.pdf").with(signedIn(staff)))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF));
        mvc.perform(get("/api/staff/voucher-batches/999999/sheet.pdf").with(signedIn(staff)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("BATCH_NOT_FOUND"));
    }

    @Test
    void pagesRenderAndRefuseBadInputReadably() throws Exception {
        addBudget(FiscalYear.containing(today()).year(), 100_000);
        User staff = staff();
        Merchant shop = merchant();

        String vouchersPage = mvc.perform(get("/staff/vouchers").with(signedIn(staff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String refused = (String) mvc.perform(post("/staff/vouchers").with(csrf()).with(signedIn(staff))
                        .param("denomination", "100").param("count", "0").param("expiresOn", today().plusDays(5).toString())
                        .param("intent", QrCodes.nonce()))
                .andExpect(status().isFound()).andReturn().getFlashMap().get("error");
        String redeemPage = mvc.perform(get("/merchant/vouchers").with(signedIn(owner(shop))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String forged = (String) mvc.perform(multipart("/merchant/vouchers/redeem").with(csrf())
                        .with(signedIn(owner(shop))).param("voucher", "abc.def"))
                .andExpect(status().isFound()).andReturn().getFlashMap().get("error");
        String badBank = (String) mvc.perform(post("/merchant/bank-account").with(csrf())
                        .with(signedIn(owner(shop))).param("bankCode", "12").param("branchCode", "123")
                        .param("accountType", "ORDINARY").param("accountNumber", "1234567").param("holder", "ﾃｽﾄ"))
                .andExpect(status().isFound()).andReturn().getFlashMap().get("error");
        String settlementsPage = mvc.perform(get("/staff/settlements").param("month", "2026-04")
                .with(signedIn(staff))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        String mine = mvc.perform(get("/merchant/settlements").with(signedIn(owner(shop))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(vouchersPage).contains("紙券を発行する", "name=\"intent\"");
        assertThat(refused).isEqualTo("voucher.error.COUNT_INVALID");
        assertThat(redeemPage).contains("紙券のQRまたは番号");
        assertThat(forged).isEqualTo("voucher.error.VOUCHER_MALFORMED");
        assertThat(badBank).isEqualTo("settlement.error.BANK_CODE_INVALID");
        assertThat(settlementsPage).contains("加盟店精算", "全銀振込ファイル");
        assertThat(mine).contains("振込先口座");
        mvc.perform(get("/staff/settlements").with(signedIn(owner(shop))))
                .andExpect(status().isForbidden());
    }

    @Test
    void aMerchantSeesOnlyTheirOwnStatements() throws Exception {
        Merchant mine = merchant();
        Merchant other = merchant();
        addBudget(FiscalYear.containing(today()).year(), 10_000);
        var batch = desk.issue(staff().id(), 100, 2, today().plusDays(60), QrCodes.nonce()).batch();
        List<Voucher> issued = vouchers.ofBatch(batch.id());
        assertThat(desk.redeem(mine.id(), issued.get(0).serial().grouped()).ok()).isTrue();
        assertThat(desk.redeem(other.id(), issued.get(1).serial().grouped()).ok()).isTrue();
        YearMonth month = YearMonth.from(today());
        CLOCK.advanceTo(month.plusMonths(1).atDay(1).atStartOfDay(BusinessCalendar.ZONE).toInstant()
                .plusSeconds(3600));
        mvc.perform(put("/api/merchant/bank-account").with(csrf()).with(signedIn(owner(mine)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"bankCode\":\"0009\",\"branchCode\":\"001\",\"accountType\":\"ORDINARY\","
                                + "\"accountNumber\":\"1234567\",\"holder\":\"ﾃｽﾄ ｼﾖｳﾃﾝ\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/staff/settlements/" + month).with(csrf()).with(signedIn(staff())))
                .andExpect(status().isOk());
        long otherId = settlements.find(other.id(), month).orElseThrow().id();
        long mineId = settlements.find(mine.id(), month).orElseThrow().id();

        mvc.perform(get("/api/merchant/settlements/" + otherId + "/statement.csv").with(signedIn(owner(mine))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/merchant/settlements/" + otherId + "/statement.pdf").with(signedIn(owner(mine))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/merchant/settlements/" + mineId + "/statement.csv").with(signedIn(owner(mine))))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("VOUCHER_REDEEM")));
        mvc.perform(get("/api/merchant/settlements").with(signedIn(owner(mine))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(mineId));
        mvc.perform(get("/api/staff/settlements/" + month + "/zengin").param("transferDate", today().plusDays(40).toString())
                        .with(signedIn(staff())))
                .andExpect(status().isOk());
        mvc.perform(get("/api/staff/settlements/2026-13/zengin").with(signedIn(staff())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("MONTH_INVALID"));
    }
}
