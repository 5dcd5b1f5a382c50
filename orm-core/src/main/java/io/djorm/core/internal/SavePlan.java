package io.djorm.core.internal;

import io.djorm.core.Apps;
import io.djorm.core.Model;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjLongConsumer;

/**
 * What {@code save()} needs of one model class, worked out once per class: the foreign keys whose
 * related object must already be saved, the fields stamped with the current time, and the columns and
 * SQL text of the one-row INSERT of a new object, and the setter of its generated key. Every save() of a new object walked the model's
 * fields three times for these, looked two flags up in each field's parameter map, and looked its
 * rendered INSERT up under a key built per call.
 */
final class SavePlan {
    private static final ClassValue<SavePlan> PLANS = new ClassValue<>() {
        @Override
        protected SavePlan computeValue(Class<?> type) {
            return new SavePlan(Apps.meta(type));
        }
    };

    private final ModelMeta meta;
    private final FieldMeta[] refFields;
    private final FieldMeta[] stampedOnUpdate;
    private final FieldMeta[] stampedOnInsert;
    private final boolean autoPk;
    private final OneRowInsert withoutAutoPk;
    private final OneRowInsert allColumns;
    private final ObjLongConsumer<Model> keySetter;
    /** The registry the model was last registered in by a save (a plain field: a race only registers twice). */
    private Apps registeredIn;

    private SavePlan(ModelMeta meta) {
        this.meta = meta;
        List<FieldMeta> refs = new ArrayList<>();
        List<FieldMeta> onUpdate = new ArrayList<>();
        List<FieldMeta> onInsert = new ArrayList<>();
        List<FieldMeta> newRow = new ArrayList<>();
        for (FieldMeta f : meta.concreteFields()) {
            if (f.accessor() instanceof RefAccessor) refs.add(f);
            if (f.flag("auto_now")) onUpdate.add(f);
            if (f.flag("auto_now") || f.flag("auto_now_add")) onInsert.add(f);
            if (!(f.primaryKey() && f.type().isAutoIncrement())) newRow.add(f);
        }
        this.refFields = refs.toArray(FieldMeta[]::new);
        this.stampedOnUpdate = onUpdate.toArray(FieldMeta[]::new);
        this.stampedOnInsert = onInsert.toArray(FieldMeta[]::new);
        this.autoPk = meta.pk().type().isAutoIncrement();
        this.withoutAutoPk = new OneRowInsert(meta, List.copyOf(newRow));
        this.allColumns = new OneRowInsert(meta, List.copyOf(meta.concreteFields()));
        FieldMeta pk = meta.pk();
        // The key arrives as a canonical integer; coerce gives it the field's declared type.
        this.keySetter = (m, key) -> pk.accessor().set(m, pk.type().coerce(key, pk));
    }

    /** The plan of a model's metadata (kept per model class, as its metadata is). */
    static SavePlan of(ModelMeta meta) {
        Class<?> type = meta.javaClass();
        SavePlan plan = type == null ? null : PLANS.get(type);
        return plan != null && plan.meta == meta ? plan : new SavePlan(meta);
    }

    /**
     * Sets a new instance's generated primary key: one setter for every save of the model, handed to the
     * connection with the instance, rather than a callback made per save.
     */
    ObjLongConsumer<Model> keySetter() {
        return keySetter;
    }

    /**
     * The plan of a model class, whose metadata is {@link Apps#meta}'s for that class (as {@link
     * io.djorm.core.Model#meta()} is): one look-up where a save made one for the metadata and one for the plan.
     */
    static SavePlan of(Class<? extends Model> type) {
        return PLANS.get(type);
    }

    /** The model's metadata. */
    ModelMeta meta() {
        return meta;
    }

    /**
     * Registers the model in {@code apps} (refused there when it is outside INSTALLED_APPS) unless a save
     * already did: a registry only ever adds models, so once is enough for each registry.
     */
    void requireRegistered(Apps apps) {
        if (registeredIn == apps) return;
        apps.register(meta.javaClass());
        registeredIn = apps;
    }

    /** Concrete fields held in a {@code Ref}: their related object must be saved before this one. */
    FieldMeta[] refFields() {
        return refFields;
    }

    /** Fields set to the current time on this save: {@code auto_now}, and {@code auto_now_add} on insert. */
    FieldMeta[] stamped(boolean inserting) {
        return inserting ? stampedOnInsert : stampedOnUpdate;
    }

    /**
     * The one-row INSERT of an instance: without the primary key column when the key is generated and
     * the instance has none yet (the database assigns it), else with every column.
     */
    OneRowInsert insert(boolean newKey) {
        return newKey && autoPk ? withoutAutoPk : allColumns;
    }

    /** The columns of a one-row INSERT and its SQL text, rendered once per dialect in use. */
    static final class OneRowInsert {
        private final List<FieldMeta> fields;
        private final ModelMeta meta;
        private volatile Rendered last;
        /** Made on first use: most models never insert with both column lists. */
        private volatile FieldReader values;

        /**
         * The INSERT text and the quoted primary key column, rendered for one kind of dialect; {@code dialect}
         * is the instance it was rendered for, which the saves of one database hand in again and again.
         */
        record Rendered(Dialect dialect, Class<?> dialectClass, String dialectName, String sql, String quotedPk) {
        }

        private OneRowInsert(ModelMeta meta, List<FieldMeta> fields) {
            this.meta = meta;
            this.fields = fields;
        }

        /** The columns written, in order. */
        List<FieldMeta> fields() {
            return fields;
        }

        /** Reads the Java values of the columns written from an instance of the plan's model class. */
        FieldReader values() {
            FieldReader r = values;
            if (r == null) {
                r = FieldReaders.of(meta, fields);
                values = r;
            }
            return r;
        }

        /** The INSERT text in a dialect (one cached rendering; a second dialect in use renders anew). */
        Rendered in(Dialect d, ModelMeta meta) {
            Rendered r = last;
            if (r != null && (r.dialect() == d || r.dialectClass() == d.getClass() && r.dialectName().equals(d.name()))) {
                return r;
            }
            r = new Rendered(d, d.getClass(), d.name(), InsertSql.oneRowSql(d, meta, fields), d.quote(meta.pk().column()));
            last = r;
            return r;
        }
    }
}
