package io.djorm.core.internal;

import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;

/**
 * The model a relation field points at, as the runtime resolved it, kept on that {@link FieldMeta}
 * instance: read for every foreign-key value set or sent (a thousand-row bulkCreate, thousands of
 * times), where a map keyed by field cost a hash probe each time. The slot lives in {@code FieldMeta}
 * (freed with it, never shared with a copy of the field), but only this class reads and writes it, so
 * that the public metadata has no runtime-only setter. {@code FieldMeta} installs the access when it loads.
 */
public final class RelationTargets {
    private static volatile Slot slot;

    /** What {@code FieldMeta} exposes of its runtime slot. */
    public interface Slot {
        /** The kept target of {@code field}, or null before it is resolved. */
        ModelMeta get(FieldMeta field);

        /** Keeps {@code target} on {@code field}. */
        void set(FieldMeta field, ModelMeta target);
    }

    private RelationTargets() {
    }

    /** Called once by FieldMeta's static initializer. */
    public static void install(Slot s) {
        if (slot != null) throw new IllegalStateException("The relation-target slot is installed already");
        slot = s;
    }

    /** The target kept on {@code field}, or null before {@link Relations#target} resolved it. */
    static ModelMeta kept(FieldMeta field) {
        return slot.get(field); // FieldMeta is initialized: the caller holds an instance
    }

    /** Keeps the resolved target of a relation field (a racing thread keeps the same answer). */
    static void keep(FieldMeta field, ModelMeta target) {
        if (!field.isRelation()) throw new IllegalStateException(field.name() + " is not a relation");
        slot.set(field, target);
    }
}
