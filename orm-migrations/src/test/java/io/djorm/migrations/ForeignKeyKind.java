package io.djorm.migrations;

import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.FieldType;
import io.djorm.core.spi.RowCursor;

/** A ForeignKey kind for tests, until the core ships its relation kinds. */
public class ForeignKeyKind extends FieldType {
    @Override public String internalType() { return "ForeignKey"; }
    @Override public Object coerce(Object value, FieldMeta field) { return value; }
    @Override public Object toDb(Object value, FieldMeta field) { return value; }
    @Override public Object read(RowCursor row, int c, FieldMeta field) { return row.getObject(c); }
}
