package kyodo.ledger;

import java.util.regex.Pattern;

/** Why money moved. The common kinds are constants; modules may use others that match the pattern. */
public record EntryKind(String code) {
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

    public static final EntryKind ISSUE = new EntryKind("ISSUE");
    public static final EntryKind SPEND = new EntryKind("SPEND");
    public static final EntryKind TRANSFER = new EntryKind("TRANSFER");
    public static final EntryKind DONATION = new EntryKind("DONATION");
    public static final EntryKind AWARD = new EntryKind("AWARD");
    public static final EntryKind DISBURSE = new EntryKind("DISBURSE");
    public static final EntryKind EXPIRE = new EntryKind("EXPIRE");
    public static final EntryKind SETTLE = new EntryKind("SETTLE");
    public static final EntryKind VOID = new EntryKind("VOID");
    public static final EntryKind REVERSAL = new EntryKind("REVERSAL");

    public boolean valid() {
        return code != null && CODE.matcher(code).matches();
    }

    @Override
    public String toString() {
        return code;
    }
}
