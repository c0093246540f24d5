package kyodo.ledger.postgres;

import kyodo.ledger.AccountId;
import kyodo.ledger.Amount;
import kyodo.ledger.EntryKind;
import kyodo.ledger.EntryRequest;
import kyodo.ledger.Leg;
import kyodo.ledger.LedgerId;
import kyodo.ledger.PostResult;
import org.postgresql.ds.PGSimpleDataSource;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The process {@link WriterKillTest} kills: posts {@link #request numbered transfers} in small groups and prints
 * each answer as it gets it ({@code ack <key> <code> <sequence>}), so that the parent knows exactly what a caller
 * was told before the SIGKILL. Arguments: url user password ledgerId count fromAccount toAccount.
 */
public final class KilledWriter {
    static final int GROUP = 20;

    private KilledWriter() {
    }

    static EntryRequest request(int i, AccountId from, AccountId to) {
        return EntryRequest.of("k:" + i, EntryKind.TRANSFER, "process:2", Leg.transfer(from, to, Amount.pt(1)));
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
                "killed writer", Clock.systemUTC())) {
            System.out.println("ready");
            for (int start = 0; start < count; start += GROUP) {
                List<EntryRequest> group = new ArrayList<>();
                for (int i = start; i < Math.min(count, start + GROUP); i++) {
                    group.add(request(i, from, to));
                }
                for (PostResult result : ledger.postAll(group)) {
                    System.out.println("ack " + result.key().value() + " " + result.code() + " " + result.sequence());
                }
                System.out.flush();
            }
            System.out.println("done");
        }
    }
}
