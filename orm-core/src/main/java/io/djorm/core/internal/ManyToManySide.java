package io.djorm.core.internal;

import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;

/**
 * What the many-to-many manager of one instance ({@code book.tags}) knows of its relation besides the
 * instance: the field, the side it is seen from, the related model, the lookup that selects the related
 * rows and the writer of the join rows. Every instance of a model gets a manager per many-to-many field
 * (a thousand new books, a thousand managers), so the model's construction plan makes one side per field
 * and each manager holds its instance and this. What is worked out late (the related model may not be
 * registered when the first instance is made) is kept here once: immutable values, so a thread that
 * races another works the same value out again.
 *
 * <p>Public only because the manager lives in another package; not API.
 */
public final class ManyToManySide {
    private final ModelMeta source;
    private final FieldMeta field;
    private final boolean reverse;
    private final String cacheName;
    private String lookup;
    private Class<?> relatedModel;
    private ManyToManyRows rows;

    private ManyToManySide(ModelMeta source, FieldMeta field, boolean reverse, String cacheName, String lookup) {
        this.source = source;
        this.field = field;
        this.reverse = reverse;
        this.cacheName = cacheName;
        this.lookup = lookup;
    }

    /** The side of a many-to-many field declared on the owner's model {@code ownerMeta}. */
    public static ManyToManySide forward(ModelMeta ownerMeta, FieldMeta field) {
        return new ManyToManySide(ownerMeta, field, false, field.name(), null);
    }

    /** The side of a many-to-many field that another model declares pointing at the owner's model. */
    public static ManyToManySide reverse(Relations.Reverse reverse) {
        return new ManyToManySide(reverse.source(), reverse.field(), true, reverse.accessorName(), reverse.field().name());
    }

    /** The name prefetched rows are kept under on the owner. */
    public String cacheName() {
        return cacheName;
    }

    /** The model on the other side. */
    public Class<?> relatedModel() {
        Class<?> model = relatedModel;
        if (model == null) {
            model = reverse ? source.javaClass() : Relations.target(field).javaClass();
            relatedModel = model;
        }
        return model;
    }

    /** The lookup, on the related model, that selects the rows related to an owner. */
    public String lookup() {
        String name = lookup;
        if (name == null) {
            name = new Relations.Reverse(source, field).queryName();
            lookup = name;
        }
        return name;
    }

    /** The writer of the join rows, seen from this side. */
    public ManyToManyRows rows() {
        ManyToManyRows r = rows;
        if (r == null) {
            r = new ManyToManyRows(source, field, reverse); // final fields only: safe to hand to another thread
            rows = r;
        }
        return r;
    }
}
