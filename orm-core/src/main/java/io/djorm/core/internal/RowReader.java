package io.djorm.core.internal;

import io.djorm.core.Model;
import io.djorm.core.Ref;
import io.djorm.core.meta.FieldAccessor;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.FieldType;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.RowCursor;

/**
 * The base of the row readers {@link RowReaders} generates, one class per model and column layout.
 * A generated {@link #read} creates the instance with {@code new} and reads column by column in
 * straight-line code: each column's {@code FieldType.read} and each store has a call site of its own,
 * which the JIT sees with one receiver type and inlines, where the generic hydrator's loop shares one
 * call site between every field type and stores through method handles it cannot inline.
 *
 * <p>Public only because the generated subclasses live in the model's package; not API.
 */
public abstract class RowReader {
    /** The type each column is read with (a foreign key's: the type of the key it refers to). */
    protected final FieldType[] types;
    /** The field each column is read as. */
    protected final FieldMeta[] readAs;
    /** The accessors of the fields the generated code cannot store into directly. */
    protected final FieldAccessor[] accessors;
    /** The index of the layout's first column in the row. */
    protected final int offset;
    private final ModelMeta meta;

    /** The per-query state of a reader; the generated subclass adds none. */
    protected RowReader(ModelMeta meta, FieldType[] types, FieldMeta[] readAs, FieldAccessor[] accessors, int offset) {
        this.meta = meta;
        this.types = types;
        this.readAs = readAs;
        this.accessors = accessors;
        this.offset = offset;
    }

    /**
     * A new instance holding the row's columns. {@code key} is the value of the primary-key column,
     * already read by the caller (the generated code does not read that column again), or
     * {@link #KEY_NOT_READ}; ignored when the layout has no primary key. Defaults are not applied: the caller marks the thread as hydrating.
     */
    public abstract Model read(RowCursor row, Object key);

    /**
     * The key a caller passes to {@link #read} when it has not read the primary-key column: the generated
     * code reads it in place (a call to the key type's shared {@code read} would be compiled out of line).
     */
    public static final Object KEY_NOT_READ = new Object();

    /**
     * Column {@code i} read by its type: the generated code's way for the rare values it does not read
     * in place (an integer out of its box's range, which the type refuses; a remote reply's boxed integers).
     */
    protected final Object readByType(RowCursor row, int i) {
        return types[i].read(row, offset + i, readAs[i]);
    }

    /** Creates the instance through the model's instantiator (its no-argument constructor is private). */
    protected final Model instantiate() {
        return (Model) meta.newInstance();
    }

    /**
     * Stores a foreign key's raw key into its {@link Ref} holder, read directly from the attribute;
     * a holder user code left null is made by the accessor.
     */
    protected static void storeKey(Ref<?> holder, Object key, Model m, FieldAccessor accessor) {
        if (holder == null) accessor.set(m, key);
        else Holders.access().setKey(holder, key);
    }
}
