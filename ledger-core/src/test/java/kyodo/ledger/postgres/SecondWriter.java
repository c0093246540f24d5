package kyodo.ledger.postgres;

import kyodo.ledger.AccountId;
import kyodo.ledger.Amount;
import kyodo.ledger.EntryKind;
import kyodo.ledger.EntryRequest;
import kyodo.ledger.Leg;
import kyodo.ledger.LedgerId;
import kyodo.ledger.ResultCode;
import org.postgresql.ds.PGSimpleDataSource;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The other process of {@link TwoProcessesTest}: opens the same ledger in its own JVM and posts transfers
 * between the given accounts, then prints how many were posted.
 * Arguments: url user password ledgerId count fromAccount toAccount keyPrefix.
 */
public final class SecondWriter {
    private SecondWriter() {
    }

    public static void main(String[] args) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(args[0]);
        dataSource.setUser(args[1]);
        dataSource.setPassword(args[2]);
        int count = Integer.parseInt(args[4]);
        AccountId from = new AccountId(Long.parseLong(args[5]));
        AccountId to = new AccountId(Long.parseLong(args[6]));
        try (PostgresLedger ledger = new PostgresLedger(dataSource, new LedgerId(Long.parseLong(args[3])),
                "two processes", Clock.systemUTC())) {
            List<EntryRequest> requests = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                requests.add(EntryRequest.of(args[7] + i, EntryKind.TRANSFER, "process:2",
                        Leg.transfer(from, to, Amount.pt(1))));
            }
            long posted = ledger.postAll(requests).stream().filter(r -> r.code() == ResultCode.POSTED).count();
            System.out.println("posted=" + posted);
        }
    }
}
