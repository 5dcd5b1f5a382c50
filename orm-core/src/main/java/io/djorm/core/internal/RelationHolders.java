package io.djorm.core.internal;

import io.djorm.core.ManyRelated;
import io.djorm.core.Model;
import io.djorm.core.Ref;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;

/**
 * Gives a new instance its relation holders (a {@link Ref} per foreign key, a manager per
 * many-to-many field). The {@code Model} constructor runs this for every instance, hydrated rows
 * included, so {@link RelationHolderGenerator} makes a subclass per model that stores each holder with plain
 * bytecode ({@code putfield}) where the method-handle accessors' stores are not inlined.
 *
 * <p>Public only because the generated subclasses live in the model's package; not API.
 */
public abstract class RelationHolders {
    private final ModelMeta meta;
    private final FieldMeta[] refFields;
    private final FieldMeta[] managerFields;
    /** One per many-to-many field, shared by the managers of every instance. */
    private final ManyToManySide[] sides;
    private final Holders.Access holders = Holders.access();

    /** The relation fields, in the order the generated code indexes them. */
    protected RelationHolders(ModelMeta meta, FieldMeta[] refFields, FieldMeta[] managerFields) {
        this.meta = meta;
        this.refFields = refFields;
        this.managerFields = managerFields;
        this.sides = new ManyToManySide[managerFields.length];
        for (int i = 0; i < sides.length; i++) sides[i] = ManyToManySide.forward(meta, managerFields[i]);
    }

    /** Puts fresh holders into every relation field of {@code m}. */
    public abstract void init(Model m);

    /** A new holder for foreign key {@code i}. */
    protected final Ref<?> newRef(Model m, int i) {
        return holders.newRef(m, refFields[i]);
    }

    /** A new manager for many-to-many field {@code i}. */
    protected final ManyRelated<?> newManager(Model m, int i) {
        return holders.newManyRelated(m, sides[i]);
    }

    /** Stores a new holder for foreign key {@code i} through its accessor (a field the generated code cannot write). */
    protected final void initRefByAccessor(Model m, int i) {
        ((RefAccessor) refFields[i].accessor()).init(m, newRef(m, i));
    }

    /** Stores a new manager for many-to-many field {@code i} through its accessor. */
    protected final void initManagerByAccessor(Model m, int i) {
        managerFields[i].accessor().set(m, newManager(m, i));
    }

    /** The same holders through the accessors alone (for a generated class that cannot link). */
    final RelationHolders byAccessors() {
        return byAccessors(meta, refFields, managerFields);
    }

    /** The holders through the accessors alone: the fallback when no class can be generated. */
    static RelationHolders byAccessors(ModelMeta meta, FieldMeta[] refFields, FieldMeta[] managerFields) {
        return new RelationHolders(meta, refFields, managerFields) {
            @Override
            public void init(Model m) {
                for (int i = 0; i < refFields.length; i++) initRefByAccessor(m, i);
                for (int i = 0; i < managerFields.length; i++) initManagerByAccessor(m, i);
            }
        };
    }
}
