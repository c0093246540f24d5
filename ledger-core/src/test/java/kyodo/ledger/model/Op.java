package kyodo.ledger.model;

import kyodo.ledger.AccountId;
import kyodo.ledger.AccountSpec;
import kyodo.ledger.EntryRequest;
import kyodo.ledger.Ledger;
import kyodo.ledger.testing.MutableClock;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** One step of a generated sequence. Applying it to a ledger gives an outcome that both ledgers must agree on. */
sealed interface Op {
    Object apply(Ledger ledger, MutableClock clock);

    record Open(AccountSpec spec) implements Op {
        @Override
        public Object apply(Ledger ledger, MutableClock clock) {
            var result = ledger.open(spec);
            return result.code() + " " + (result.account() == null ? "-" : result.account().id());
        }
    }

    record Close(long account) implements Op {
        @Override
        public Object apply(Ledger ledger, MutableClock clock) {
            return ledger.close(new AccountId(account)).code();
        }
    }

    record Post(EntryRequest request) implements Op {
        @Override
        public Object apply(Ledger ledger, MutableClock clock) {
            return ledger.post(request);
        }
    }

    record PostMany(List<EntryRequest> requests) implements Op {
        @Override
        public Object apply(Ledger ledger, MutableClock clock) {
            return ledger.postAll(requests);
        }
    }

    record Advance(long millis) implements Op {
        @Override
        public Object apply(Ledger ledger, MutableClock clock) {
            clock.advance(Duration.ofMillis(millis));
            return "advanced";
        }
    }

    record Sweep(int max) implements Op {
        @Override
        public Object apply(Ledger ledger, MutableClock clock) {
            return ledger.voidExpiredPendings(max);
        }
    }

    /** Renders an op as a line of the printed failing sequence. */
    static String describe(Op op) {
        return Objects.toString(op);
    }
}
