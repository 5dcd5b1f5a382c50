package io.djorm.sqlite.internal.schema;

import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.FieldType;
import io.djorm.core.spi.RowCursor;

/**
 * The kind of the two key columns of an automatic many-to-many join table. The table exists only in
 * the database, so this kind only has to describe a column; values pass through unchanged.
 */
final class JoinKeyType extends FieldType {
    static final JoinKeyType INSTANCE = new JoinKeyType();

    private JoinKeyType() {
    }

    @Override
    public String internalType() {
        return "ForeignKey";
    }

    @Override
    public Object coerce(Object value, FieldMeta field) {
        return value;
    }

    @Override
    public Object toDb(Object value, FieldMeta field) {
        return value;
    }

    @Override
    public Object read(RowCursor row, int column, FieldMeta field) {
        return row.getObject(column);
    }
}
