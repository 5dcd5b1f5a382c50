package io.djorm.sqlite.internal.schema;

import io.djorm.core.FieldError;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders the lookup conditions of a CHECK constraint ({@code "pages__gte=0"}) as SQL. Values become
 * escaped literals converted by the field's kind, since DDL cannot carry bound parameters.
 */
final class CheckConditions {
    private static final List<String> LOOKUPS = List.of("exact", "gt", "gte", "lt", "lte", "isnull", "in");

    private final Dialect dialect;

    CheckConditions(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The conditions joined with AND, in parentheses. */
    String render(ModelMeta model, String constraintName, List<String> conditions) {
        if (conditions.isEmpty()) {
            throw new FieldError("Check constraint '" + constraintName + "' on " + model.label()
                    + " has no condition; give it at least one, such as \"pages__gte=0\".");
        }
        List<String> parts = new ArrayList<>();
        for (String condition : conditions) parts.add(renderOne(model, constraintName, condition));
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(" AND ", parts) + ")";
    }

    private String renderOne(ModelMeta model, String constraintName, String condition) {
        int eq = condition.indexOf('=');
        if (eq <= 0) {
            throw bad(model, constraintName, condition, "it must read \"field__lookup=value\"");
        }
        String path = condition.substring(0, eq).trim();
        String raw = condition.substring(eq + 1).trim();
        String fieldName = path;
        String lookup = "exact";
        int sep = path.lastIndexOf("__");
        if (sep > 0) {
            fieldName = path.substring(0, sep);
            lookup = path.substring(sep + 2).toLowerCase(Locale.ROOT);
        }
        if (!LOOKUPS.contains(lookup)) {
            throw bad(model, constraintName, condition, "the lookup '" + lookup + "' is not supported in "
                    + "constraints; use one of " + String.join(", ", LOOKUPS));
        }
        FieldMeta field = model.findField(fieldName);
        if (field == null || !field.hasColumn()) {
            throw bad(model, constraintName, condition, "the model has no column field '" + fieldName
                    + "'; fields are " + String.join(", ", model.fieldNames()));
        }
        String column = dialect.quote(field.column());
        return switch (lookup) {
            case "exact" -> isNullLiteral(raw) ? column + " IS NULL" : column + " = " + value(field, raw);
            case "gt" -> column + " > " + value(field, raw);
            case "gte" -> column + " >= " + value(field, raw);
            case "lt" -> column + " < " + value(field, raw);
            case "lte" -> column + " <= " + value(field, raw);
            case "isnull" -> column + (parseBoolean(model, constraintName, condition, raw) ? " IS NULL" : " IS NOT NULL");
            case "in" -> column + " IN (" + inList(field, raw) + ")";
            default -> throw new IllegalStateException(lookup);
        };
    }

    private static boolean isNullLiteral(String raw) {
        return raw.equalsIgnoreCase("null") || raw.equalsIgnoreCase("None");
    }

    private static String value(FieldMeta field, String raw) {
        String text = unquote(raw);
        Object coerced = field.type().coerce(text, field);
        return SqlLiterals.literal(field.type().toDb(coerced, field));
    }

    private static String inList(FieldMeta field, String raw) {
        String body = raw;
        if (body.startsWith("[") && body.endsWith("]") || body.startsWith("(") && body.endsWith(")")) {
            body = body.substring(1, body.length() - 1);
        }
        List<String> literals = new ArrayList<>();
        for (String item : body.split(",")) {
            if (!item.isBlank()) literals.add(value(field, item.trim()));
        }
        if (literals.isEmpty()) throw new FieldError("The 'in' condition on '" + field.name() + "' lists no values.");
        return String.join(", ", literals);
    }

    /** Strips one pair of matching quotes, so {@code title='a,b'} and {@code title=a} both work. */
    private static String unquote(String raw) {
        if (raw.length() >= 2) {
            char first = raw.charAt(0);
            char last = raw.charAt(raw.length() - 1);
            if ((first == '\'' || first == '"') && first == last) return raw.substring(1, raw.length() - 1);
        }
        return raw;
    }

    private static boolean parseBoolean(ModelMeta model, String name, String condition, String raw) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw bad(model, name, condition, "isnull takes true or false");
        };
    }

    private static FieldError bad(ModelMeta model, String name, String condition, String why) {
        return new FieldError("Check constraint '" + name + "' on " + model.label() + " has the condition \""
                + condition + "\" that cannot be used: " + why + ".");
    }
}
