package io.djorm.core.internal;

import io.djorm.core.ManyRelated;
import io.djorm.core.Model;
import io.djorm.core.Ref;
import io.djorm.core.meta.FieldMeta;

/**
 * Lets internal code create and fill relation holders ({@link Ref}, {@link ManyRelated}) without
 * making those operations public API. The holder classes install the access when they load.
 */
public final class Holders {
    private static volatile Access access;

    /** What the holder classes expose to the internals. */
    public interface Access {
        /** A new empty holder for a foreign key of {@code owner}. */
        Ref<?> newRef(Model owner, FieldMeta field);

        /** A new manager for a many-to-many field of {@code owner}, from the field's shared side. */
        ManyRelated<?> newManyRelated(Model owner, ManyToManySide side);

        /** Sets the raw key; forgets a cached instance with another key. */
        void setKey(Ref<?> ref, Object key);

        /** Caches the related instance (null: known to be absent) without touching the key. */
        void fill(Ref<?> ref, Model related);

        /** The cached related instance, or null. */
        Model cached(Ref<?> ref);
    }

    private Holders() {
    }

    /** Installed once by Ref's static initializer. */
    public static void install(Access a) {
        access = a;
    }

    /** The installed access (loads Ref first). */
    public static Access access() {
        if (access == null) {
            try {
                Class.forName(Ref.class.getName(), true, Ref.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return access;
    }

    /** The holder behind a foreign key of an instance (created when missing). */
    public static Ref<?> ref(Model m, FieldMeta field) {
        return ((RefAccessor) field.accessor()).holder(m);
    }
}
