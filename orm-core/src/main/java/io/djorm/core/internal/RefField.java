package io.djorm.core.internal;

import io.djorm.core.Model;
import io.djorm.core.Ref;
import io.djorm.core.meta.FieldMeta;

/**
 * Reads the {@link Ref} holder of one foreign key of a model instance. {@code selectRelated} puts each
 * joined instance into its parent's holder, once per row and relation; {@link RefFields} generates a
 * subclass per field that reads the attribute with {@code getfield}, where the method-handle accessor
 * it replaces is not inlined (3% of the samples of a two-hop {@code selectRelated}).
 *
 * <p>Public only because the generated subclasses live in the model's package; not API.
 */
public abstract class RefField {
    private final FieldMeta field;

    /** The reader of {@code field}'s holder. */
    protected RefField(FieldMeta field) {
        this.field = field;
    }

    /** The holder of {@code m}'s foreign key (created when user code left the attribute null). */
    public abstract Ref<?> get(Model m);

    /** {@code held}, or a new holder put into the attribute when it is null. */
    protected final Ref<?> orCreate(Ref<?> held, Model m) {
        return held != null ? held : Holders.ref(m, field);
    }
}
