package io.djorm.core.internal.readers;

import io.djorm.core.internal.fields.IntegerType;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.spi.RowCursor;

/** A user's integer kind that reads its column its own way: one more than the stored number. */
public final class ShiftedType extends IntegerType {
    @Override
    public Object read(RowCursor row, int column, FieldMeta field) {
        long v = row.getLong(column);
        return v == 0 && row.wasNull() ? null : (Object) (int) (v + 1);
    }
}
