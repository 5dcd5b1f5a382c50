package io.djorm.core.internal;

import io.djorm.core.Apps;
import io.djorm.core.Model;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import java.util.ArrayList;
import java.util.List;

/**
 * What the {@code Model} constructor does for one model class, worked out once per class: its
 * metadata, the relation holders each new instance gets (a {@code Ref} per foreign key, a manager per
 * many-to-many field) and whether any field has a default. Every hydrated row runs the constructor, so
 * it must not walk the model's fields or look its metadata up again.
 */
public final class Construction {
    private static final ClassValue<Construction> PLANS = new ClassValue<>() {
        @Override
        protected Construction computeValue(Class<?> type) {
            return new Construction(type, Apps.meta(type));
        }
    };

    private final Class<?> type;
    private final ModelMeta meta;
    /** Null when the model has no relation field; replaced by the accessor path if the generated one cannot link. */
    private RelationHolders holders;
    private final boolean defaults;

    private Construction(Class<?> type, ModelMeta meta) {
        this.type = type;
        this.meta = meta;
        List<FieldMeta> refList = new ArrayList<>();
        List<FieldMeta> managerList = new ArrayList<>();
        boolean anyDefault = false;
        for (FieldMeta f : meta.fields()) {
            if (f.accessor() == null) continue;
            if (f.hasDefault()) anyDefault = true;
            if (!f.isRelation()) continue;
            if (f.accessor() instanceof RefAccessor) refList.add(f);
            else managerList.add(f);
        }
        this.holders = refList.isEmpty() && managerList.isEmpty() ? null : RelationHolderGenerator.holders(meta,
                refList.toArray(FieldMeta[]::new), managerList.toArray(FieldMeta[]::new));
        this.defaults = anyDefault;
    }

    /** The plan of a model class (built on first use, kept for the life of the class). */
    public static Construction of(Class<?> modelClass) {
        return PLANS.get(modelClass);
    }

    /** The model class this plan is for. */
    public Class<?> type() {
        return type;
    }

    /** The model's metadata. */
    public ModelMeta meta() {
        return meta;
    }

    /** Gives a new instance its relation holders. */
    public void initRelations(Model m) {
        if (holders == null) return;
        try {
            holders.init(m);
        } catch (LinkageError e) {
            holders = holders.byAccessors();
            holders.init(m);
        }
    }

    /** Sets the declared defaults on a new instance (nothing to do when no field has one). */
    public void applyDefaults(Model m) {
        if (defaults) ModelInternals.applyDefaults(m, meta);
    }
}
