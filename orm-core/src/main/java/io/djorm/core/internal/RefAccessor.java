package io.djorm.core.internal;

import io.djorm.core.Model;
import io.djorm.core.Ref;
import io.djorm.core.meta.FieldAccessor;

/**
 * The accessor of a foreign key attribute: reads and writes the raw key inside the attribute's
 * {@link Ref} holder, so that saving, hydrating and validating see plain key values.
 */
final class RefAccessor implements FieldAccessor {
    private final FieldAccessor attribute;
    private final String fieldName;

    RefAccessor(FieldAccessor attribute, String fieldName) {
        this.attribute = attribute;
        this.fieldName = fieldName;
    }

    /** The holder of an instance, created if user code left the attribute null. */
    Ref<?> holder(Model m) {
        Ref<?> ref = (Ref<?>) attribute.get(m);
        if (ref == null) {
            ref = Holders.access().newRef(m, m.meta().field(fieldName));
            attribute.set(m, ref);
        }
        return ref;
    }

    /** The accessor of the attribute that holds the {@link Ref} itself. */
    FieldAccessor attribute() {
        return attribute;
    }

    /** Puts a fresh holder on a new instance. */
    void init(Model m, Ref<?> fresh) {
        attribute.set(m, fresh);
    }

    @Override
    public Object get(Object instance) {
        return holder((Model) instance).id();
    }

    @Override
    public void set(Object instance, Object value) {
        Holders.access().setKey(holder((Model) instance), value);
    }
}
