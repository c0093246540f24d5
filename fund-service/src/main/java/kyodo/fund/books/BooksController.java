package kyodo.fund.books;

import kyodo.fund.problem.FundApi;
import kyodo.fund.problem.Refused;
import kyodo.ledger.Account;
import kyodo.ledger.EntryKey;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.JournalLeg;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Public, read-only views of the fund's books: balances per account and single fund entries (what a receipt's QR
 * opens). Entries carry no donor names, so openness costs no privacy.
 */
@RestController
@FundApi
class BooksController {
    private static final String FUND_KEY_PREFIX = "fund-";

    private final FundBooks books;

    BooksController(FundBooks books) {
        this.books = books;
    }

    @GetMapping("/api/fund/balances")
    List<AccountView> balances() {
        List<AccountView> views = new ArrayList<>();
        addIfOpen(views, FundBooks.BANK);
        addIfOpen(views, FundBooks.GRANTS_PAYABLE);
        addIfOpen(views, Designation.GENERAL.accountCode());
        for (Field field : Field.values()) {
            addIfOpen(views, new Designation.ForField(field).accountCode());
        }
        return views;
    }

    @GetMapping("/api/fund/entries/{key}")
    EntryView entry(@PathVariable String key) {
        EntryKey entryKey = new EntryKey(key);
        if (!key.startsWith(FUND_KEY_PREFIX) || !entryKey.valid()) {
            throw Refused.notFound("entry " + key);
        }
        JournalEntry entry = books.ledger().entry(entryKey).orElseThrow(() -> Refused.notFound("entry " + key));
        List<LegView> legs = new ArrayList<>();
        for (JournalLeg leg : entry.legs()) {
            legs.add(new LegView(leg.index(), leg.kind().name(), code(leg.debit()), code(leg.credit()),
                    leg.asset().code(), leg.amount()));
        }
        return new EntryView(entry.sequence(), entry.key().value(), entry.kind().code(), entry.postedAt(),
                entry.memo(), legs, HexFormat.of().formatHex(entry.hash()));
    }

    private String code(kyodo.ledger.AccountId id) {
        return books.ledger().account(id).map(Account::code).orElse(String.valueOf(id.value()));
    }

    private void addIfOpen(List<AccountView> views, String code) {
        books.account(code).ifPresent(a -> views.add(new AccountView(a.code(), a.kind().name(),
                a.balance().posted(), a.balance().available(), a.balance().pendingOut(), a.balance().pendingIn())));
    }

    record AccountView(String code, String kind, long posted, long available, long pendingOut, long pendingIn) {
    }

    record LegView(int index, String kind, String debit, String credit, String asset, long amount) {
    }

    record EntryView(long sequence, String key, String kind, Instant postedAt, String memo, List<LegView> legs,
                     String hash) {
    }
}
