package kyodo.fund.report;

import kyodo.fund.books.Field;

import java.time.YearMonth;
import java.util.Map;

/** How the report names its dimensions, in Japanese or English. */
public record Labels(boolean english, Map<Long, String> groups) {
    public String sourceType(String type) {
        return switch (type == null ? FundReport.UNRECORDED : type) {
            case "INDIVIDUAL" -> english ? "Individuals" : "個人";
            case "COMPANY" -> english ? "Companies" : "法人・団体";
            default -> english ? "Not recorded" : "記録なし";
        };
    }

    public String designation(String text) {
        if (text == null || text.equals("unknown")) {
            return english ? "Not recorded" : "記録なし";
        }
        if (text.equals("general")) {
            return english ? "General fund" : "一般(使途指定なし)";
        }
        if (text.startsWith("field:")) {
            return field(text.substring("field:".length()));
        }
        if (text.startsWith("group:")) {
            String id = text.substring("group:".length());
            String name = groups.get(parse(id));
            return (english ? "Group: " : "団体指定: ") + (name == null ? "#" + id : name);
        }
        return text;
    }

    public String field(String code) {
        return Field.ofCode(code == null ? "" : code).map(f -> english ? f.english() : f.japanese())
                .orElse(english ? "Not recorded" : "記録なし");
    }

    public String month(YearMonth month) {
        return english ? month.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH)
                + " " + month.getYear() : month.getYear() + "年" + month.getMonthValue() + "月";
    }

    public String shortMonth(YearMonth month) {
        return english ? month.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH)
                : month.getMonthValue() + "月";
    }

    private static long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
