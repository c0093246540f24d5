package kyodo.fund.grant;

import kyodo.fund.books.Designation;
import kyodo.fund.books.Field;
import org.springframework.util.MultiValueMap;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The staff's program form as typed: every field a string, so that a page shown again after a mistake keeps
 * what was typed. {@link #toForm()} reads it into the use case's form, with a message in both languages for the
 * first field that cannot be read. Dates are the ward's (Asia/Tokyo); the deadline is a local date and time.
 */
record ProgramInput(String title, String field, String designation, String description, String budget,
                    String startsOn, String endsOn, String deadline, List<CriterionRow> criteria, String reviewers) {
    /** Criterion rows the form offers; blank rows are ignored. */
    static final int CRITERIA_ROWS = 6;
    static final ZoneId WARD_ZONE = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter LOCAL_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    /** A form value longer than this is not something a person typed. */
    private static final int VALUE_LENGTH_MAX = 10_000;

    record CriterionRow(String name, String weight) {
    }

    static ProgramInput blank() {
        return new ProgramInput("", Field.CHILDREN.code(), "", "", "", "", "", "", rows(List.of()), "");
    }

    /** The form of a draft as staff typed it; reviewers by the usernames they sign in with. */
    static ProgramInput of(Program program, java.util.Collection<String> reviewerUsernames) {
        List<CriterionRow> criteria = new ArrayList<>();
        for (Program.Criterion criterion : program.criteria()) {
            criteria.add(new CriterionRow(criterion.name(), String.valueOf(criterion.weight())));
        }
        String designation = program.designation() instanceof Designation.General ? "general" : "";
        return new ProgramInput(program.title(), program.field().code(), designation, program.description(),
                String.valueOf(program.budget()), program.startsOn().toString(), program.endsOn().toString(),
                LOCAL_DATE_TIME.format(program.deadline().atZone(WARD_ZONE)), rows(criteria),
                String.join("\n", reviewerUsernames.stream().sorted().toList()));
    }

    static ProgramInput from(MultiValueMap<String, String> params) {
        List<CriterionRow> criteria = new ArrayList<>();
        for (int i = 0; i < Program.CRITERIA_MAX; i++) {
            String name = first(params, "criterionName" + i);
            String weight = first(params, "criterionWeight" + i);
            if (!name.isBlank() || !weight.isBlank()) {
                criteria.add(new CriterionRow(name, weight));
            }
        }
        return new ProgramInput(first(params, "title"), first(params, "field"), first(params, "designation"),
                first(params, "description"), first(params, "budget"), first(params, "startsOn"),
                first(params, "endsOn"), first(params, "deadline"), rows(criteria), first(params, "reviewers"));
    }

    GrantOffice.ProgramForm toForm() {
        if (title.isBlank()) {
            throw new PageInputError("事業名を入力してください。", "Please enter the program's title.");
        }
        if (Field.ofCode(field).isEmpty()) {
            throw new PageInputError("分野を選んでください。", "Please choose a field.");
        }
        if (!designation.isEmpty() && !designation.equals("general")) {
            throw new PageInputError("財源を選んでください。", "Please choose where the money comes from.");
        }
        long budgetYen = yen(budget, "予算", "The budget", Program.BUDGET_MAX);
        LocalDate starts = date(startsOn, "事業期間の開始日", "The start of the period");
        LocalDate ends = date(endsOn, "事業期間の終了日", "The end of the period");
        if (ends.isBefore(starts)) {
            throw new PageInputError("事業期間の終了日は開始日より後にしてください。",
                    "The period must not end before it starts.");
        }
        Instant deadlineAt;
        try {
            deadlineAt = LocalDateTime.parse(deadline.strip(), LOCAL_DATE_TIME).atZone(WARD_ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new PageInputError("申請期限を日付と時刻で入力してください (例: 2027-05-31T17:00)。",
                    "Please enter the application deadline as a date and time (e.g. 2027-05-31T17:00).");
        }
        List<Program.Criterion> parsed = new ArrayList<>();
        for (int i = 0; i < criteria.size(); i++) {
            CriterionRow row = criteria.get(i);
            if (row.name().isBlank() && row.weight().isBlank()) {
                continue;
            }
            if (row.name().isBlank()) {
                throw new PageInputError("評価項目 " + (i + 1) + " の名前を入力してください。",
                        "Please name criterion " + (i + 1) + ".");
            }
            long weight = number(row.weight(), Program.Criterion.WEIGHT_MAX,
                    new PageInputError("評価項目「" + row.name() + "」の重みは 1〜" + Program.Criterion.WEIGHT_MAX
                            + " の整数で入力してください。", "The weight of criterion \"" + row.name()
                            + "\" must be a whole number from 1 to " + Program.Criterion.WEIGHT_MAX + "."));
            parsed.add(new Program.Criterion(row.name().strip(), (int) weight));
        }
        if (parsed.isEmpty()) {
            throw new PageInputError("評価項目を一つ以上入力してください。", "Please enter at least one criterion.");
        }
        Set<String> reviewerIds = new LinkedHashSet<>();
        for (String reviewer : reviewers.split("[\\s,、]+")) {
            if (!reviewer.isBlank()) {
                reviewerIds.add(reviewer.strip());
            }
        }
        if (reviewerIds.size() > Program.REVIEWERS_MAX) {
            throw new PageInputError("審査委員は " + Program.REVIEWERS_MAX + " 人までです。",
                    "At most " + Program.REVIEWERS_MAX + " reviewers.");
        }
        return new GrantOffice.ProgramForm(title, field, designation.isEmpty() ? null : designation, description,
                budgetYen, starts, ends, deadlineAt, parsed, List.copyOf(reviewerIds));
    }

    /**
     * A yen amount as people type it: full-width digits, {@code ¥} and thousands separators are accepted.
     *
     * @param japanese the field's name in Japanese, {@code english} in English (capitalised)
     */
    static long yen(String text, String japanese, String english, long max) {
        return number(text, max, new PageInputError(japanese + "は 1〜" + String.format("%,d", max)
                + " 円の整数で入力してください。", english + " must be a whole number of yen from 1 to "
                + String.format("%,d", max) + "."));
    }

    private static long number(String text, long max, PageInputError error) {
        String digits = normalise(text).replace(",", "").replace("¥", "").replace("円", "").strip();
        if (!digits.matches("[0-9]{1,18}")) {
            throw error;
        }
        long value = Long.parseLong(digits);
        if (value < 1 || value > max) {
            throw error;
        }
        return value;
    }

    private static LocalDate date(String text, String japanese, String english) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new PageInputError(japanese + "を日付で入力してください (例: 2027-04-01)。",
                    english + " must be a date (e.g. 2027-04-01).");
        }
    }

    /** Full-width digits and separators (typed with a Japanese input method) as ASCII. */
    private static String normalise(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c >= '０' && c <= '９') {
                out.append((char) ('0' + (c - '０')));
            } else if (c == '，') {
                out.append(',');
            } else if (c == '￥') {
                out.append('¥');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static List<CriterionRow> rows(List<CriterionRow> given) {
        List<CriterionRow> rows = new ArrayList<>(given);
        while (rows.size() < Math.max(CRITERIA_ROWS, given.size() + 1) && rows.size() < Program.CRITERIA_MAX) {
            rows.add(new CriterionRow("", ""));
        }
        return rows;
    }

    private static String first(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        if (value == null) {
            return "";
        }
        if (value.length() > VALUE_LENGTH_MAX) {
            throw new PageInputError("入力が長すぎます。", "A field is too long.");
        }
        return value;
    }
}
