package kyodo.fund.report;

import kyodo.fund.books.Field;
import org.springframework.context.MessageSource;

import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;

/**
 * How the reports name their dimensions, in one language, from the fund's message bundle
 * ({@code messages-fund*.properties}, keys {@code fund.label.*} and {@code fund.field.*}).
 *
 * @param messages the application's message source, which includes the fund's bundle
 * @param locale   the language of the page or document
 * @param groups   the names of the groups that the report mentions, by group id
 */
public record Labels(MessageSource messages, Locale locale, Map<Long, String> groups) {
    /** A text of the fund's bundle in this language. */
    public String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    public String sourceType(String type) {
        return switch (type == null ? FundReport.UNRECORDED : type) {
            case "INDIVIDUAL", "COMPANY" -> text("fund.label.source." + type);
            default -> text("fund.label.notRecorded");
        };
    }

    public String designation(String text) {
        if (text == null || text.equals("unknown")) {
            return text("fund.label.notRecorded");
        }
        if (text.equals("general")) {
            return text("fund.label.general");
        }
        if (text.startsWith("field:")) {
            return field(text.substring("field:".length()));
        }
        if (text.startsWith("group:")) {
            String id = text.substring("group:".length());
            String name = groups.get(parse(id));
            return text("fund.label.group", name == null ? "#" + id : name);
        }
        return text;
    }

    public String field(String code) {
        return Field.ofCode(code == null ? "" : code).map(f -> text("fund.field." + f.code()))
                .orElseGet(() -> text("fund.label.notRecorded"));
    }

    public String month(YearMonth month) {
        return text("fund.label.month", month.getYear(), month.getMonthValue(), shortName(month));
    }

    public String shortMonth(YearMonth month) {
        return text("fund.label.shortMonth", month.getYear(), month.getMonthValue(), shortName(month));
    }

    private String shortName(YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.SHORT, locale);
    }

    private static long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
