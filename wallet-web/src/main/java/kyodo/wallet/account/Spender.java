package kyodo.wallet.account;

import kyodo.ledger.AccountId;
import kyodo.ledger.Amount;
import kyodo.ledger.EntryKey;
import kyodo.ledger.EntryKind;
import kyodo.ledger.EntryRequest;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.JournalLeg;
import kyodo.ledger.Leg;
import kyodo.ledger.Ledger;
import kyodo.ledger.PostResult;
import kyodo.ledger.ResultCode;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Takes points out of a wallet oldest vintage first, in one ledger entry with a leg per vintage. The plan is made
 * from balances read just before posting; each vintage account refuses to go below zero on its own, so a race
 * with another spend can only make the entry fail as a whole ({@code INSUFFICIENT_FUNDS}), and then it is planned
 * again from fresh balances, at most {@link #ATTEMPTS_MAX} times.
 */
@Component
public class Spender {
    public static final int ATTEMPTS_MAX = 5;

    private final Ledger ledger;
    private final Wallets wallets;
    private final Clock clock;

    public Spender(Ledger ledger, Wallets wallets, Clock clock) {
        this.ledger = ledger;
        this.wallets = wallets;
        this.clock = clock;
    }

    /** Where the points taken from one vintage go: a merchant's account, or the recipient's same vintage. */
    @FunctionalInterface
    public interface Destination {
        AccountId accountFor(YearMonth vintage);
    }

    /** One leg of a plan: {@code amount} out of {@code from}. */
    public record Take(VintageAccount from, long amount) {
    }

    /**
     * Moves {@code amount} points from {@code payer}'s spendable vintages, oldest first, to {@code to}. The same
     * key again (a retried form) answers {@code ALREADY_POSTED} with the first entry's sequence, even though the
     * balances it would plan from have changed since.
     */
    public PostResult take(WalletOwner payer, long amount, Destination to, EntryKey key, EntryKind kind,
                           String actor, String memo, String metadata) {
        if (amount <= 0) {
            return PostResult.rejected(key, ResultCode.AMOUNT_NOT_POSITIVE, -1);
        }
        // Planned without first asking whether the key was posted before: a retry whose plan comes out the same
        // gets ALREADY_POSTED from the ledger itself, and one whose plan differs (the balances moved since) or
        // cannot be made (they were spent since) is recognised by earlier() on those rarer paths below.
        PostResult result = PostResult.rejected(key, ResultCode.INSUFFICIENT_FUNDS, -1);
        for (int attempt = 0; attempt < ATTEMPTS_MAX; attempt++) {
            List<Take> plan = plan(wallets.spendable(payer, clock.instant()), amount);
            if (plan.isEmpty()) {
                return earlier(key, payer, amount, kind, actor)
                        .orElse(PostResult.rejected(key, ResultCode.INSUFFICIENT_FUNDS, -1));
            }
            List<Leg> legs = new ArrayList<>(plan.size());
            for (Take take : plan) {
                legs.add(Leg.transfer(take.from().id(), to.accountFor(take.from().month()), Amount.pt(take.amount())));
            }
            result = ledger.post(new EntryRequest(key, kind, actor, memo, metadata, legs));
            if (result.code() == ResultCode.KEY_REUSED_WITH_DIFFERENT_REQUEST) {
                // a retry planned from other balances than the first attempt, or a concurrent retry that won
                return earlier(key, payer, amount, kind, actor).orElse(result);
            }
            if (result.code() != ResultCode.INSUFFICIENT_FUNDS) {
                return result;
            }
        }
        return earlier(key, payer, amount, kind, actor).orElse(result);
    }

    /** Oldest first until {@code amount} is covered; empty when the vintages do not hold enough. */
    public static List<Take> plan(List<VintageAccount> spendableOldestFirst, long amount) {
        List<Take> plan = new ArrayList<>();
        long left = amount;
        for (VintageAccount v : spendableOldestFirst) {
            if (left == 0) {
                break;
            }
            long take = Math.min(left, v.available());
            if (take > 0) {
                plan.add(new Take(v, take));
                left -= take;
            }
        }
        return left == 0 ? plan : List.of();
    }

    /** The entry already posted under {@code key}, if it is this request (same kind, actor, payer and total). */
    private Optional<PostResult> earlier(EntryKey key, WalletOwner payer, long amount, EntryKind kind, String actor) {
        Optional<JournalEntry> entry = ledger.entry(key);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        JournalEntry e = entry.get();
        Set<AccountId> payerAccounts = new HashSet<>();
        for (VintageAccount v : wallets.vintages(payer)) {
            payerAccounts.add(v.id());
        }
        long total = 0;
        boolean fromPayer = true;
        for (JournalLeg leg : e.legs()) {
            total += leg.amount();
            fromPayer &= payerAccounts.contains(leg.debit());
        }
        boolean same = e.kind().equals(kind) && e.actor().equals(actor) && total == amount && fromPayer;
        return Optional.of(same ? PostResult.posted(key, ResultCode.ALREADY_POSTED, e.sequence())
                : PostResult.rejected(key, ResultCode.KEY_REUSED_WITH_DIFFERENT_REQUEST, -1));
    }
}
