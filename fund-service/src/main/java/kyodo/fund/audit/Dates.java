package kyodo.fund.audit;

import kyodo.fund.problem.Refused;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Dates from query strings ({@code yyyy-MM-dd}); a bad one is a 400 naming the field, never a 500. */
final class Dates {
    private Dates() {
    }

    static LocalDate required(String field, String text, LocalDate whenBlank) {
        if (text == null || text.isBlank()) {
            return whenBlank;
        }
        return optional(field, text);
    }

    static LocalDate optional(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.strip());
            TrialBalances.requireDate(date);
            return date;
        } catch (DateTimeParseException e) {
            throw Refused.invalid(field + " must be a date such as 2026-04-01");
        }
    }
}
