package kyodo.fund.access;

/**
 * What a signed-in person may do, one role per person, stored by name in {@code app_user.role}; Spring Security
 * sees it as the authority {@code ROLE_<name>}. The one set of roles for the whole application: docs/roles.md
 * says what each may do.
 */
public enum Role {
    RESIDENT, MERCHANT, GROUP_COORDINATOR, DONOR, STAFF, COMMITTEE, AUDITOR, ADMIN;

    /** The Spring Security authority, {@code ROLE_<name>}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
