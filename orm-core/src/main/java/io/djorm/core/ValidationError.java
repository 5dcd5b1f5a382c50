package io.djorm.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One or more values failed validation (Django: {@code ValidationError}). {@link #errors()} maps each
 * field name (or {@code "__all__"} for model-wide errors) to its messages.
 */
public class ValidationError extends DjormException {
    private static final long serialVersionUID = 1L;
    /** The key used for errors that belong to no single field. */
    public static final String NON_FIELD_ERRORS = "__all__";
    private final Map<String, List<String>> errors;

    /** Creates a validation error for several fields at once. */
    public ValidationError(Map<String, List<String>> errors) {
        super(render(errors));
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    /** Creates a validation error for one field. */
    public ValidationError(String field, String message) {
        this(Map.of(field, List.of(message)));
    }

    /** Field name to messages, in the order the fields were checked. */
    public Map<String, List<String>> errors() {
        return errors;
    }

    private static String render(Map<String, List<String>> errors) {
        StringBuilder sb = new StringBuilder();
        errors.forEach((field, messages) -> {
            if (sb.length() > 0) sb.append("; ");
            sb.append(field).append(": ").append(String.join(" ", messages));
        });
        return sb.toString();
    }
}
