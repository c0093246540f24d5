package kyodo.wallet.user;

/** What a signed-in user may do; stored by name. */
public enum Role {
    RESIDENT, MERCHANT, COORDINATOR, DONOR, STAFF, COMMITTEE, AUDITOR, ADMIN;

    /** The Spring Security authority, {@code ROLE_<name>}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
