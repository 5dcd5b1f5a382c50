package io.djorm.core.internal.fields;

import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.FieldType;
import io.djorm.core.spi.RowCursor;

/** Django's {@code BinaryField}: raw bytes in a BLOB; not editable by default, as in Django. */
public final class BinaryType extends FieldType {
    @Override
    public String internalType() {
        return "BinaryField";
    }

    @Override
    public Object coerce(Object value, FieldMeta field) {
        if (value == null || value instanceof byte[]) return value;
        if (value instanceof java.nio.ByteBuffer b) {
            byte[] out = new byte[b.remaining()];
            b.duplicate().get(out);
            return out;
        }
        throw invalid(field, "bytes (byte[])", value);
    }

    @Override
    public Object toDb(Object value, FieldMeta field) {
        return value;
    }

    @Override
    public Object read(RowCursor row, int column, FieldMeta field) {
        return row.getBytes(column);
    }
}
