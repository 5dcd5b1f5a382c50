package io.djorm.core.internal;

import io.djorm.core.Model;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import java.math.BigDecimal;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The internal state of model instances, reachable from internal code only. */
public final class ModelInternals {
    /** The extras key prefix under which prefetchRelated stores an instance's related rows. */
    public static final String PREFETCH_PREFIX = "prefetch:";
    /** The key prefix of rows a {@code Prefetch} with {@code toAttr} keeps on an instance. */
    public static final String PREFETCH_ATTR_PREFIX = "prefetch-attr:";
    /** The extras key prefix under which an instance keeps the values its query annotated. */
    public static final String ANNOTATION_PREFIX = "annotation:";
    private static Access access;

    /** What Model exposes to the internals. */
    public interface Access {
        /** Marks an instance as loaded from an alias. */
        void loaded(Model m, String alias, Set<String> deferred);

        /** Marks an instance as saved to an alias. */
        void saved(Model m, String alias);

        /** The deferred field names, or null. */
        Set<String> deferred(Model m);

        /** Forgets that these fields are deferred. */
        void clearDeferred(Model m, Set<String> loaded);

        /** Per-instance extra values (annotations, relation caches); allocates the map on first use. */
        Map<String, Object> extras(Model m);

        /** One extra value of an instance, or null; allocates nothing when the instance has none. */
        Object extra(Model m, String key);

        /** Removes one extra value of an instance, if it has it. */
        void removeExtra(Model m, String key);

        /**
         * Keeps the rows prefetchRelated loaded for a many-to-many field of {@code m} on the field's
         * manager, where {@code m.field.all()} reads them without a map lookup; in the extras when the
         * field holds no manager of {@code m} (no accessor, or a manager reassigned from another instance).
         */
        void keepPrefetched(Model m, FieldMeta field, List<? extends Model> rows);
    }

    private ModelInternals() {
    }

    /** Called once by Model's static initializer. */
    public static void install(Access a) {
        access = a;
    }

    /** The installed access (forces Model's class initialisation first). */
    public static Access access() {
        if (access == null) {
            try {
                Class.forName(Model.class.getName(), true, Model.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return access;
    }

    /** Sets the declared defaults on a new instance. */
    public static void applyDefaults(Model m, ModelMeta meta) {
        for (FieldMeta f : meta.fields()) {
            if (!f.hasDefault() || f.accessor() == null) continue;
            Object v = f.defaultValue();
            if (!isImmutable(v)) v = f.type().parseDefault(f.defaultText(), f); // a fresh mutable value each time
            f.accessor().set(m, v);
        }
    }

    private static boolean isImmutable(Object v) {
        return v == null || v instanceof String || v instanceof Number || v instanceof Boolean || v instanceof Temporal
                || v instanceof UUID || v instanceof BigDecimal || v instanceof Enum<?> || v instanceof java.time.Duration;
    }

    /** A field's value. */
    public static Object get(Model m, FieldMeta f) {
        return f.accessor().get(m);
    }

    /** Sets a field after converting the value; a model instance given for a foreign key is cached too. */
    @SuppressWarnings("unchecked")
    public static void set(Model m, FieldMeta f, Object value) {
        if (value instanceof Model related && f.accessor() instanceof RefAccessor refs) {
            ((io.djorm.core.Ref<Model>) refs.holder(m)).set(related);
            return;
        }
        f.accessor().set(m, f.type().coerce(value, f));
    }
}
