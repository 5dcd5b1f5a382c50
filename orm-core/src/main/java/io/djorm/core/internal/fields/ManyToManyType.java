package io.djorm.core.internal.fields;

import io.djorm.core.FieldError;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.FieldType;
import io.djorm.core.spi.RowCursor;

/**
 * Django's {@code ManyToManyField}: no column of its own; the rows live in a join table. The
 * attribute is a related manager, so the field has no value to convert.
 */
public class ManyToManyType extends FieldType {

    @Override
    public String internalType() {
        return "ManyToManyField";
    }

    @Override
    public boolean hasColumn() {
        return false;
    }

    @Override
    public Object coerce(Object value, FieldMeta field) {
        throw new FieldError("The many-to-many field '" + field.name() + "' has no value to set directly; use its "
                + "manager: add(...), remove(...), set(...) or clear().");
    }

    @Override
    public Object toDb(Object value, FieldMeta field) {
        throw new FieldError("The many-to-many field '" + field.name() + "' has no column.");
    }

    @Override
    public Object read(RowCursor row, int column, FieldMeta field) {
        throw new FieldError("The many-to-many field '" + field.name() + "' has no column.");
    }
}
