package kyodo.fund.report;

import kyodo.fund.books.FundBooks;
import kyodo.ledger.AccountClass;
import kyodo.ledger.Asset;
import kyodo.ledger.ClassifiedLeg;
import kyodo.ledger.EntryKind;
import kyodo.ledger.LegKind;

import java.util.Optional;

/**
 * How a leg moved fund money in or out, told by the entry's kind and the classes of the two accounts (never by
 * codes or keys): a donation (bank → designation, in a DONATION entry), its reversal (designation → bank, in a
 * REVERSAL) and a grant payment (grants payable → bank, in a DISBURSE). Posted yen legs only.
 */
enum FundFlow {
    DONATION(EntryKind.DONATION, FundBooks.BANK_CLASS, FundBooks.DESIGNATION_CLASS),
    DONATION_REVERSED(EntryKind.REVERSAL, FundBooks.DESIGNATION_CLASS, FundBooks.BANK_CLASS),
    DISBURSED(EntryKind.DISBURSE, FundBooks.GRANTS_PAYABLE_CLASS, FundBooks.BANK_CLASS);

    private final EntryKind entryKind;
    private final AccountClass debit;
    private final AccountClass credit;

    FundFlow(EntryKind entryKind, AccountClass debit, AccountClass credit) {
        this.entryKind = entryKind;
        this.debit = debit;
        this.credit = credit;
    }

    static Optional<FundFlow> of(ClassifiedLeg leg) {
        if (leg.leg().kind() != LegKind.POSTED || !leg.leg().asset().equals(Asset.JPY)) {
            return Optional.empty();
        }
        for (FundFlow flow : values()) {
            if (flow.entryKind.equals(leg.entryKind()) && flow.debit.equals(leg.debit().accountClass())
                    && flow.credit.equals(leg.credit().accountClass())) {
                return Optional.of(flow);
            }
        }
        return Optional.empty();
    }

    /** The designation account's code of a donation or its reversal (the side that is not the bank). */
    String designationCode(ClassifiedLeg leg) {
        return this == DONATION ? leg.credit().code() : leg.debit().code();
    }
}
