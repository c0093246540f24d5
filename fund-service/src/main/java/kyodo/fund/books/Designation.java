package kyodo.fund.books;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a donor said their money may go (使途指定): the general fund, one field, or one group. Its text form
 * ({@code general}, {@code field:children}, {@code group:12}) is stored with the donation and names the
 * designation account {@code fund:designation:<text>} on the books.
 */
public sealed interface Designation {
    int TEXT_LENGTH_MAX = 40;
    String ACCOUNT_PREFIX = "fund:designation:";

    record General() implements Designation {
        @Override
        public String text() {
            return "general";
        }

        @Override
        public boolean canFund(Field programField, long groupId) {
            return true;
        }

        @Override
        public String japanese() {
            return "一般(使途指定なし)";
        }
    }

    record ForField(Field field) implements Designation {
        @Override
        public String text() {
            return "field:" + field.code();
        }

        @Override
        public boolean canFund(Field programField, long groupId) {
            return field == programField;
        }

        @Override
        public String japanese() {
            return "分野指定: " + field.japanese();
        }
    }

    record ForGroup(long groupId) implements Designation {
        public ForGroup {
            if (groupId <= 0) {
                throw new IllegalArgumentException("group id must be positive, was " + groupId);
            }
        }

        @Override
        public String text() {
            return "group:" + groupId;
        }

        @Override
        public boolean canFund(Field programField, long applicantGroupId) {
            return groupId == applicantGroupId;
        }

        @Override
        public String japanese() {
            return "団体指定: 団体番号 " + groupId;
        }
    }

    Designation GENERAL = new General();

    /** The text form; it is also the JSON form ({@code "field:children"}), so a client reads it as it sends it. */
    @JsonValue
    String text();

    /** Whether money with this designation may be granted to {@code groupId} under a program in {@code programField}. */
    boolean canFund(Field programField, long groupId);

    /** How a receipt names it. */
    String japanese();

    default String accountCode() {
        return ACCOUNT_PREFIX + text();
    }

    /** The text form named by a designation account's code: the inverse of {@link #accountCode()}. */
    static String textOfAccount(String accountCode) {
        return accountCode.startsWith(ACCOUNT_PREFIX) ? accountCode.substring(ACCOUNT_PREFIX.length()) : accountCode;
    }

    Pattern GROUP = Pattern.compile("group:([1-9][0-9]{0,17})");

    /** Parses the text form; empty for anything else (unknown field, bad group number, too long). */
    static Optional<Designation> parse(String text) {
        if (text == null || text.length() > TEXT_LENGTH_MAX) {
            return Optional.empty();
        }
        if (text.equals("general")) {
            return Optional.of(GENERAL);
        }
        if (text.startsWith("field:")) {
            return Field.ofCode(text.substring("field:".length())).map(ForField::new);
        }
        Matcher group = GROUP.matcher(text);
        if (group.matches()) {
            return Optional.of(new ForGroup(Long.parseLong(group.group(1))));
        }
        return Optional.empty();
    }
}
