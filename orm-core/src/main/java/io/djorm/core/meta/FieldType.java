package io.djorm.core.meta;

import io.djorm.core.spi.RowCursor;
import java.lang.annotation.Annotation;
import java.util.List;

/**
 * The behaviour of one kind of field (Django: a {@code Field} subclass): how a Java value becomes a
 * database value and back, how user input is coerced, and what validation checks. Stateless: the
 * per-field settings live in {@link FieldMeta}. Subclass it to add a field kind and point a
 * {@link io.djorm.core.fields.FieldKind} annotation at the subclass.
 */
public abstract class FieldType {

    /** Django's internal type name ({@code "CharField"}, ...); dialects map it to a column type. */
    public abstract String internalType();

    /** Reads the kind-specific attributes of the declaring annotation into the field's parameters. */
    public void configure(FieldMeta.Builder field, Annotation declaration) {
    }

    /**
     * Converts user input to the field's Java value (Django: {@code to_python}). Accepts the Java type
     * itself and the obvious other forms (a String for a number or a date, an Integer for a long).
     * Throws {@link io.djorm.core.ValidationError} naming the field when the value cannot be converted.
     */
    public abstract Object coerce(Object value, FieldMeta field);

    /** Converts a Java value (already coerced) to canonical database form. */
    public abstract Object toDb(Object value, FieldMeta field);

    /**
     * Converts a value (already coerced) that a lookup compares with this field. Like {@link #toDb}, but
     * without what only storing needs (Django: {@code get_db_prep_value}, not {@code get_db_prep_save}):
     * a decimal compared with a two-place column keeps all its digits.
     */
    public Object toDbForLookup(Object value, FieldMeta field) {
        return toDb(value, field);
    }

    /** Reads the field's Java value from a result column. */
    public abstract Object read(RowCursor row, int column, FieldMeta field);

    /** Adds messages for a coerced, non-null value that breaks this kind's rules. */
    public void validate(Object value, FieldMeta field, List<String> errors) {
    }

    /**
     * Why a coerced, non-null value cannot be stored faithfully in this kind's column, or null when it
     * can. Saving and {@code update()} refuse such a value with a {@link io.djorm.core.DataError}
     * instead of letting the database cut, round or garble it (a row that cannot be read back).
     */
    public String storageProblem(Object value, FieldMeta field) {
        return null;
    }

    /**
     * Whether every value of exactly class {@code valueClass} is already {@code field}'s database value:
     * {@link #coerce} and {@link #toDb} return that very instance, and {@link #storageProblem} refuses none
     * of them but a floating-point number that is not finite (which no backend carries: a caller that skips
     * the conversion must still send such a number the general way). A caller storing many values of one
     * field (bulkUpdate) asks once and then skips the conversion. False unless the kind says otherwise; a
     * kind that answers true must answer again whenever its conversion changes.
     */
    public boolean storesAsIs(Class<?> valueClass, FieldMeta field) {
        return false;
    }

    /** Parses a {@code defaultValue} attribute. */
    public Object parseDefault(String text, FieldMeta field) {
        return coerce(text, field);
    }

    /**
     * The column type for this kind on the given dialect, or null to let the dialect map
     * {@link #internalType()} itself. Kinds added by other modules (vectors) answer here.
     */
    public String columnType(io.djorm.core.spi.Dialect dialect, FieldMeta field) {
        return null;
    }

    /** True for kinds whose value the database assigns on insert (auto primary keys). */
    public boolean isAutoIncrement() {
        return false;
    }

    /** True for kinds that have no column of their own (many-to-many). */
    public boolean hasColumn() {
        return true;
    }

    /** True for kinds whose text lookups (contains, startswith, ...) make sense. */
    public boolean isText() {
        return false;
    }

    /** A Django-style message for a value of the wrong type. */
    protected static io.djorm.core.ValidationError invalid(FieldMeta field, String expected, Object value) {
        String shown = value instanceof String s ? "'" + s + "'" : String.valueOf(value);
        return new io.djorm.core.ValidationError(field.name(), "Field '" + field.name() + "' expected " + expected
                + " but got " + shown + " (" + value.getClass().getSimpleName() + ").");
    }
}
