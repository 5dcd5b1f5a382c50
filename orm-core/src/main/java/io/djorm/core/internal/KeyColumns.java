package io.djorm.core.internal;

import io.djorm.core.internal.fields.ForeignKeyType;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.spi.RowCursor;

/**
 * Resolves, once per query, how a foreign-key column is read: {@link ForeignKeyType#read} looks up
 * the target model's key field and reads the column as that field, which costs a map lookup per row
 * when done there. A field type that overrides {@code read} keeps its own.
 */
final class KeyColumns {
    private static final ClassValue<Boolean> INHERITS_READ = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            try {
                return type.getMethod("read", RowCursor.class, int.class, FieldMeta.class).getDeclaringClass()
                        == ForeignKeyType.class;
            } catch (NoSuchMethodException e) {
                return false;
            }
        }
    };

    private KeyColumns() {
    }

    /** The field whose type reads {@code field}'s column: its target key for a plain foreign key, else itself. */
    static FieldMeta readAs(FieldMeta field) {
        if (!(field.type() instanceof ForeignKeyType) || !INHERITS_READ.get(field.type().getClass())) return field;
        try {
            return Relations.targetKey(field);
        } catch (RuntimeException unresolved) {
            return field; // the target is not registered yet: the per-row read reports it if a row comes
        }
    }
}
