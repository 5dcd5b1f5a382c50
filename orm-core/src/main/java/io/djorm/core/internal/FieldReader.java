package io.djorm.core.internal;

import io.djorm.core.Ref;
import io.djorm.core.meta.FieldAccessor;

/**
 * Reads the current values of a fixed list of a model's fields into an array, as each field's
 * accessor would return them (a foreign key: the raw key in its {@link Ref}). {@link FieldReaders}
 * generates one subclass per model and field list whose {@link #read} loads each field with plain
 * bytecode; every {@code save()} of a new object and every object of a {@code bulkUpdate} went through
 * one method-handle accessor call per field, which the JIT cannot inline from the shared call site.
 *
 * <p>Public only because the generated subclasses live in the model's package; not API.
 */
public abstract class FieldReader {
    /** The accessors of the fields, for those the generated code cannot load directly. */
    protected final FieldAccessor[] accessors;

    /** A reader of the fields with these accessors, in order. */
    protected FieldReader(FieldAccessor[] accessors) {
        this.accessors = accessors;
    }

    /** Stores the value of field {@code i} of {@code model} into {@code into[i]}, for every field. */
    public abstract void read(Object model, Object[] into);

    /** The number of fields read. */
    public final int size() {
        return accessors.length;
    }

    /**
     * The raw key held by a foreign key's {@link Ref}, loaded from the attribute directly; an attribute
     * user code left null is read through its accessor, which gives the instance a holder.
     */
    protected static Object refKey(Ref<?> holder, Object model, FieldAccessor accessor) {
        return holder == null ? accessor.get(model) : holder.id();
    }

    /** The reader that calls each field's accessor: for models no class can be generated for. */
    static final class ByAccessors extends FieldReader {
        ByAccessors(FieldAccessor[] accessors) {
            super(accessors);
        }

        @Override
        public void read(Object model, Object[] into) {
            for (int i = 0; i < accessors.length; i++) into[i] = accessors[i].get(model);
        }
    }
}
