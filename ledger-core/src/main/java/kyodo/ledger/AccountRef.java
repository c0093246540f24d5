package kyodo.ledger;

/** An account named by a leg: its id, code, class and kind (what never changes once it is opened). */
public record AccountRef(AccountId id, String code, AccountClass accountClass, AccountKind kind) {
    public static AccountRef of(Account account) {
        return new AccountRef(account.id(), account.code(), account.accountClass(), account.kind());
    }
}
