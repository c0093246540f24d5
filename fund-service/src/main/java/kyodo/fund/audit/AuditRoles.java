package kyodo.fund.audit;

/**
 * Who may use the workspace. Auditors, and staff and administrators (who already see every donation and group),
 * may read the books; only auditors write the reconciliation's working papers (imports and resolution notes),
 * so the people whose work is audited do not resolve their own differences.
 */
final class AuditRoles {
    static final String READ = "hasAnyRole('AUDITOR', 'STAFF', 'ADMIN')";
    static final String WRITE_PAPERS = "hasRole('AUDITOR')";

    private AuditRoles() {
    }
}
