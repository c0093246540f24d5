package kyodo.fund.access;

/** The application's roles; Spring Security sees them as authorities {@code ROLE_<name>}. */
public enum Role {
    RESIDENT, MERCHANT, GROUP_COORDINATOR, DONOR, STAFF, COMMITTEE, AUDITOR, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
