package io.djorm.core.meta;

/** Reads and writes one field of a model instance without per-call reflection. */
public interface FieldAccessor {
    /** The field's current value (boxed). */
    Object get(Object instance);

    /** Sets the field; a null on a primitive field raises a clear error. */
    void set(Object instance, Object value);
}
