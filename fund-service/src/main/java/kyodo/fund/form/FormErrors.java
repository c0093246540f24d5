package kyodo.fund.form;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The errors of one submitted form: for each field (named by its element id, so the summary can link to it) one
 * message key and its arguments, in the order the fields appear. A controller fills it and hands it to the view
 * as {@code errors}; {@code forms.html} draws the summary and the message beside each field.
 *
 * <p>Every message names its field and what to do ("金額は1以上の整数で入力してください(例: 300)"), because the
 * summary shows it alone. A field keeps its first error: the person fixes one thing at a time per field.
 */
public final class FormErrors {
    /** A form has few fields; a bound keeps a hostile submission from growing the summary without end. */
    public static final int FIELDS_MAX = 32;

    private final Map<String, FieldError> byField = new LinkedHashMap<>();

    /** One field's message: its bundle key and the arguments it names. */
    public record FieldError(String field, String key, Object[] args) {
    }

    /** Records {@code key} (with {@code args}) against the field whose element id is {@code field}. */
    public FormErrors reject(String field, String key, Object... args) {
        if (field == null || !field.matches("[A-Za-z][A-Za-z0-9_-]{0,63}")) {
            throw new IllegalArgumentException("field must be an element id, was: " + field);
        }
        if (byField.size() < FIELDS_MAX) {
            byField.putIfAbsent(field, new FieldError(field, key, args == null ? new Object[0] : args.clone()));
        }
        return this;
    }

    /** Whether nothing was rejected. */
    public boolean isEmpty() {
        return byField.isEmpty();
    }

    /** Whether the field with element id {@code field} was rejected. */
    public boolean has(String field) {
        return byField.containsKey(field);
    }

    /** The field's error, or {@code null} when it has none. */
    public FieldError of(String field) {
        return byField.get(field);
    }

    /** The errors in the order they were found (the order of the fields on the form). */
    public List<FieldError> list() {
        return Collections.unmodifiableList(new ArrayList<>(byField.values()));
    }

    /** {@code "true"} for a rejected field's {@code aria-invalid}, {@code null} (no attribute) otherwise. */
    public String invalid(String field) {
        return has(field) ? "true" : null;
    }

    /** The id of the field's message for its {@code aria-describedby}, {@code null} (no attribute) otherwise. */
    public String describedBy(String field) {
        return has(field) ? field + "-error" : null;
    }
}
