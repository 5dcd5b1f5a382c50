package io.djorm.sqlite.internal.schema;

import io.djorm.core.meta.FieldMeta;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Renders values as SQL literals for DDL, where SQLite accepts no bound parameters (DEFAULT and CHECK
 * clauses). Every text value is escaped here, so no user string reaches the SQL unescaped.
 */
final class SqlLiterals {
    private SqlLiterals() {
    }

    /** A canonical database value ({@code null}, Long, Double, String, byte[]) as a literal. */
    static String literal(Object canonical) {
        if (canonical == null) return "NULL";
        if (canonical instanceof String s) return "'" + s.replace("'", "''") + "'";
        if (canonical instanceof byte[] b) return "X'" + HexFormat.of().formatHex(b) + "'";
        if (canonical instanceof Long || canonical instanceof Integer || canonical instanceof Short) {
            return canonical.toString();
        }
        if (canonical instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw new IllegalArgumentException("SQLite has no literal for the number " + d);
            }
            return d.toString();
        }
        if (canonical instanceof Boolean b) return b ? "1" : "0";
        // Anything else is converted to text and escaped like any string.
        return literal(canonical.toString());
    }

    /**
     * Whether the field declares a default the database can store as a constant. Defaults computed
     * at save time (a {@link Supplier}) have no database form.
     */
    static boolean hasConstantDefault(FieldMeta field) {
        return field.hasDefault() && !(field.defaultValue() instanceof Supplier<?>);
    }

    /** The field's default converted to database form; suppliers are called once (Django: effective_default). */
    static Object defaultToDb(FieldMeta field) {
        Object value = field.defaultValue();
        if (value instanceof Supplier<?> supplier) value = supplier.get();
        Object coerced = field.type().coerce(value, field);
        return field.type().toDb(coerced, field);
    }

    /** The DEFAULT literal of a field with a constant default. */
    static String defaultLiteral(FieldMeta field) {
        return literal(defaultToDb(field));
    }
}
