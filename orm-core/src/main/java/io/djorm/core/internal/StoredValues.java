package io.djorm.core.internal;

import io.djorm.core.DataError;
import io.djorm.core.DjormException;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.spi.RowCursor;

/**
 * Reads stored values through their field kinds. A value the kind cannot parse (written by another
 * program, or by an older version) becomes a {@link DataError} that says where it is, not a parse
 * exception from deep inside {@code java.time} or {@code BigDecimal}.
 */
public final class StoredValues {
    private StoredValues() {
    }

    /** Reads a column that is not tied to one row of a table (values(), aggregates). */
    public static Object read(FieldMeta field, RowCursor row, int column) {
        try {
            return field.type().read(row, column, field);
        } catch (DjormException e) {
            throw e;
        } catch (RuntimeException e) {
            throw malformed(field, row, column, "column \"" + field.column() + "\"", e);
        }
    }

    /** The error for a stored value that {@code field} cannot read; {@code where} names table, column and key. */
    public static DataError malformed(FieldMeta field, RowCursor row, int column, String where,
                                      RuntimeException cause) {
        Object raw;
        try {
            raw = row.getObject(column);
        } catch (RuntimeException e) {
            raw = "(unreadable)";
        }
        return new DataError("The stored value " + Shown.value(raw) + " in " + where + " is not a valid "
                + field.type().internalType() + " (" + cause.getMessage() + "). It was written outside djorm or by an"
                + " older schema; correct the row, or read the column with raw SQL.", cause);
    }
}
