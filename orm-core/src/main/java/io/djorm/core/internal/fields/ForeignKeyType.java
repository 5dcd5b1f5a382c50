package io.djorm.core.internal.fields;

import io.djorm.core.ValueError;
import io.djorm.core.Model;
import io.djorm.core.Ref;
import io.djorm.core.internal.QueuedInserts;
import io.djorm.core.internal.Relations;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.FieldType;
import io.djorm.core.spi.RowCursor;

/**
 * Django's {@code ForeignKey}: a column holding the key of a row of the target model. Values are raw
 * keys, converted with the type of the target field the key refers to; a model instance stands for
 * its key.
 */
public class ForeignKeyType extends FieldType {

    @Override
    public String internalType() {
        return "ForeignKey";
    }

    @Override
    public Object coerce(Object value, FieldMeta field) {
        if (value == null) return null;
        if (value instanceof Ref<?> ref) return ref.id();
        if (value instanceof Model m) return keyOf(m, field);
        FieldMeta key = Relations.targetKey(field);
        return key.type().coerce(value, key);
    }

    /** The key of a related instance; it must be of the target model and saved. */
    private static Object keyOf(Model m, FieldMeta field) {
        var target = Relations.target(field);
        if (!m.meta().label().equalsIgnoreCase(target.label())) {
            throw new ValueError("Cannot use a " + m.meta().label() + " instance for '" + field.name()
                    + "': it must be a " + target.label() + " instance.");
        }
        FieldMeta key = Relations.targetKey(field);
        Object value = key.primaryKey() ? QueuedInserts.pk(m) : key.accessor().get(m);
        if (value == null) {
            throw new ValueError("The " + target.label() + " instance given for '" + field.name()
                    + "' is unsaved (its " + key.name() + " is null). Save it first, then use it in the relation or filter.");
        }
        return value;
    }

    @Override
    public Object toDb(Object value, FieldMeta field) {
        if (value == null) return null;
        FieldMeta key = Relations.targetKey(field);
        return key.type().toDb(key.type().coerce(value, key), key);
    }

    @Override
    public Object read(RowCursor row, int column, FieldMeta field) {
        FieldMeta key = Relations.targetKey(field);
        return key.type().read(row, column, key);
    }

    @Override
    public Object parseDefault(String text, FieldMeta field) {
        // The target may not be known yet while models are being built: keep integers as numbers.
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return text;
        }
    }

    @Override
    public String columnType(io.djorm.core.spi.Dialect dialect, FieldMeta field) {
        return null; // the column takes the type of the column it refers to
    }
}
