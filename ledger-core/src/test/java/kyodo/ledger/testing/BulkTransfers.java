package kyodo.ledger.testing;

import kyodo.ledger.AccountId;
import kyodo.ledger.LedgerId;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes a large journal of single-leg transfers for benchmarks, one business day per transaction, with exactly the
 * rows the batching writer writes for such transfers — legs, entries, account totals, daily aggregates and the
 * head — as set-based statements, which is some fifty times faster than posting a million entries one by one on a
 * small machine. The database's own triggers check every day's legs and entries and the head as they do for the
 * writer; the chain hashes are stand-ins (totals and trial balances never read them). Here, in ledger-core, because
 * only ledger-core writes or reads the ledger's tables.
 */
public final class BulkTransfers {
    private BulkTransfers() {
    }

    /**
     * What to write: {@code entries} transfers spread over {@code days} days from {@code firstDay} at 09:00 in the
     * ward, a tenth bank → designation in yen, three tenths issuance → wallet and the rest wallet → wallet in points.
     *
     * @param wallets accounts with contiguous ids, opened in order
     */
    public record Plan(LocalDate firstDay, int days, int entries, long seed, AccountId issuance, AccountId bank,
                       AccountId designation, List<AccountId> wallets) {
    }

    /** Told after every thirty days: entries written so far, days done. */
    public interface Progress {
        void report(int posted, int days);
    }

    /** Writes the plan into a ledger with no entries yet; returns how many entries it wrote. */
    public static int write(DataSource dataSource, LedgerId ledger, Plan plan, Progress progress)
            throws SQLException {
        long firstWallet = plan.wallets().get(0).value();
        int accounts = plan.wallets().size();
        for (int i = 0; i < accounts; i++) {
            if (plan.wallets().get(i).value() != firstWallet + i) {
                throw new IllegalStateException("wallet ids are not contiguous; post through the writer instead");
            }
        }
        int posted = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement seed = connection.createStatement()) {
                seed.execute("select setseed(" + (plan.seed() % 1000) / 1000.0 + ")");
            }
            for (int day = 0; day < plan.days() && posted < plan.entries(); day++) {
                int today = (plan.entries() - posted) / (plan.days() - day);
                Instant nine = kyodo.ledger.calendar.BusinessCalendar.at(plan.firstDay().plusDays(day), 9, 0)
                        .toInstant();
                try (PreparedStatement legs = connection.prepareStatement("""
                        create temp table day_legs on commit drop as
                        select ?::bigint + g as sequence, ?::timestamptz + g * interval '1 microsecond' as posted_at,
                               case when t < 0.1 then ?::bigint when t < 0.4 then ?::bigint else w1 end as debit,
                               case when t < 0.1 then ?::bigint when t < 0.4 then w1
                                    else ?::bigint + (w1 - ?::bigint + 1 + floor(random() * (? - 1))::bigint) % ? end
                                   as credit,
                               case when t < 0.1 then 'JPY' else 'PT' end as asset,
                               1 + floor(random() * case when t < 0.1 then 100000 else 1000 end)::bigint as amount
                          from (select g, random() as t, ?::bigint + floor(random() * ?)::bigint as w1
                                  from generate_series(1, ?) g) r""")) {
                    int i = 1;
                    legs.setLong(i++, posted);
                    legs.setObject(i++, OffsetDateTime.ofInstant(nine, ZoneOffset.UTC));
                    legs.setLong(i++, plan.bank().value());
                    legs.setLong(i++, plan.issuance().value());
                    legs.setLong(i++, plan.designation().value());
                    legs.setLong(i++, firstWallet);
                    legs.setLong(i++, firstWallet);
                    legs.setInt(i++, accounts);
                    legs.setInt(i++, accounts);
                    legs.setLong(i++, firstWallet);
                    legs.setInt(i++, accounts);
                    legs.setInt(i++, today);
                    legs.execute();
                }
                writeDay(connection, ledger);
                connection.commit();
                posted += today;
                if (day % 30 == 29) {
                    progress.report(posted, day + 1);
                }
            }
        }
        return posted;
    }

    private static void writeDay(Connection connection, LedgerId ledger) throws SQLException {
        String id = Long.toString(ledger.value());
        try (Statement write = connection.createStatement()) {
            write.execute("""
                    insert into leg (ledger_id, sequence, leg_index, kind, debit_account_id, credit_account_id,
                                     asset, amount, posted_at)
                    select $L, sequence, 0, 'P', debit, credit, asset, amount, posted_at from day_legs"""
                    .replace("$L", id));
            write.execute("""
                    insert into entry (ledger_id, sequence, key, kind, actor, memo, posted_at, leg_count,
                                       request_digest, hash)
                    select $L, sequence, 'bench-' || sequence, 'TRANSFER', 'bench', '', posted_at, 1,
                           sha256(int8send(sequence)), sha256(int8send(-sequence)) from day_legs"""
                    .replace("$L", id));
            write.execute("""
                    update account a set debits_posted = a.debits_posted + s.debits,
                                         credits_posted = a.credits_posted + s.credits
                      from (select account_id, sum(debits) as debits, sum(credits) as credits from (
                                select debit as account_id, amount as debits, 0 as credits from day_legs
                                union all
                                select credit, 0, amount from day_legs) sides group by account_id) s
                     where a.ledger_id = $L and a.id = s.account_id""".replace("$L", id));
            write.execute("""
                    insert into account_day_closed (ledger_id, account_id, day, debits_posted, credits_posted)
                    select $L, account_id, kyodo_business_day(min(posted_at)), sum(debits), sum(credits) from (
                                select debit as account_id, posted_at, amount as debits, 0 as credits from day_legs
                                union all
                                select credit, posted_at, 0, amount from day_legs) sides group by account_id"""
                    .replace("$L", id));
            write.execute("""
                    update ledger set head_sequence = d.last, head_hash = sha256(int8send(-d.last)),
                                      head_time = d.at
                      from (select max(sequence) as last, max(posted_at) as at from day_legs) d
                     where id = $L""".replace("$L", id));
        }
    }
}
