package kyodo.fund.grant;

import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.fund.books.Designation;
import kyodo.fund.books.Field;
import kyodo.fund.problem.AmountText;
import org.springframework.util.MultiValueMap;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The staff's program form as typed: every field a string, so that a page shown again after a mistake keeps
 * what was typed. {@link #toForm()} reads it into the use case's form, with a message (in the bundles) for the
 * first field that cannot be read. Dates are the ward's (Asia/Tokyo); the deadline is a local date and time.
 */
record ProgramInput(String title, String field, String designation, String description, String budget,
                    String startsOn, String endsOn, String deadline, List<CriterionRow> criteria, String reviewers) {
    /** Criterion rows the form offers; blank rows are ignored. */
    static final int CRITERIA_ROWS = 6;
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
                LOCAL_DATE_TIME.format(BusinessCalendar.inWard(program.deadline())), rows(criteria),
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
            throw new PageInputError("title-missing");
        }
        if (Field.ofCode(field).isEmpty()) {
            throw new PageInputError("field-missing");
        }
        if (!designation.isEmpty() && !designation.equals("general")) {
            throw new PageInputError("source-missing");
        }
        long budgetYen = yen(budget, "budget", Program.BUDGET_MAX);
        LocalDate starts = date(startsOn, "starts-on");
        LocalDate ends = date(endsOn, "ends-on");
        if (ends.isBefore(starts)) {
            throw new PageInputError("period-reversed");
        }
        Instant deadlineAt;
        try {
            deadlineAt = LocalDateTime.parse(deadline.strip(),
                    LOCAL_DATE_TIME).atZone(BusinessCalendar.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new PageInputError("deadline-unreadable");
        }
        List<Program.Criterion> parsed = new ArrayList<>();
        for (int i = 0; i < criteria.size(); i++) {
            CriterionRow row = criteria.get(i);
            if (row.name().isBlank() && row.weight().isBlank()) {
                continue;
            }
            if (row.name().isBlank()) {
                throw new PageInputError("criterion-unnamed", String.valueOf(i + 1));
            }
            long weight = number(row.weight(), Program.Criterion.WEIGHT_MAX,
                    new PageInputError("criterion-weight", row.name(), String.valueOf(Program.Criterion.WEIGHT_MAX)));
            parsed.add(new Program.Criterion(row.name().strip(), (int) weight));
        }
        if (parsed.isEmpty()) {
            throw new PageInputError("criteria-missing");
        }
        Set<String> reviewerIds = new LinkedHashSet<>();
        for (String reviewer : reviewers.split("[\\s,、]+")) {
            if (!reviewer.isBlank()) {
                reviewerIds.add(reviewer.strip());
            }
        }
        if (reviewerIds.size() > Program.REVIEWERS_MAX) {
            throw new PageInputError("reviewers-too-many", String.valueOf(Program.REVIEWERS_MAX));
        }
        return new GrantOffice.ProgramForm(title, field, designation.isEmpty() ? null : designation, description,
                budgetYen, starts, ends, deadlineAt, parsed, List.copyOf(reviewerIds));
    }

    /**
     * A yen amount as people type it, read by the one reader of typed amounts ({@link AmountText}): full-width
     * digits and thousands separators mean the same number, anything else is refused with a message naming the
     * field and the bound.
     *
     * @param label the field's name in the messages, {@code fund.input.label.<label>}
     */
    static long yen(String text, String label, long max) {
        return AmountText.yen(text, label, max);
    }

    private static long number(String text, long max, PageInputError error) {
        AmountText.Read read = AmountText.read(text, max);
        if (!read.ok()) {
            throw error;
        }
        return read.amount();
    }

    private static LocalDate date(String text, String label) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new PageInputError("date", PageInputError.label(label));
        }
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
            throw new PageInputError("too-long");
        }
        return value;
    }
}
