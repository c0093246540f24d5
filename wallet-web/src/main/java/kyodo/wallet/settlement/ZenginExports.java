package kyodo.wallet.settlement;

import kyodo.wallet.user.MerchantId;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The month's transfer file: every settlement of the month that is on the books, still payable and worth at least
 * one yen, to the merchant's bank account. Merchants without bank details are left out and named, so staff can
 * ask for them and export again.
 */
@Component
public class ZenginExports {
    private final Settlements settlements;
    private final BankAccounts bankAccounts;
    private final SettlementProperties properties;

    public ZenginExports(Settlements settlements, BankAccounts bankAccounts, SettlementProperties properties) {
        this.settlements = settlements;
        this.bankAccounts = bankAccounts;
        this.properties = properties;
    }

    public record Export(byte[] file, int count, long totalYen, List<MerchantId> merchantsWithoutBankDetails) {
    }

    public Export export(YearMonth month, LocalDate transferDate) {
        List<Settlement> payable = settlements.ofMonth(month).stream()
                .filter(s -> s.posted() && s.state() == SettlementState.PAYABLE && s.yen() > 0).toList();
        Map<MerchantId, BankAccount> accounts = bankAccounts
                .findAll(payable.stream().map(Settlement::merchantId).toList())
                .stream().collect(Collectors.toMap(BankAccount::merchantId, Function.identity()));
        List<ZenginFile.Transfer> transfers = new ArrayList<>();
        List<MerchantId> missing = new ArrayList<>();
        long total = 0;
        for (Settlement settlement : payable) {
            BankAccount account = accounts.get(settlement.merchantId());
            if (account == null) {
                missing.add(settlement.merchantId());
                continue;
            }
            transfers.add(new ZenginFile.Transfer(account, settlement.yen(), settlement.merchantId().value()));
            total = Math.addExact(total, settlement.yen());
        }
        return new Export(ZenginFile.write(properties, transferDate, transfers), transfers.size(), total, missing);
    }
}
