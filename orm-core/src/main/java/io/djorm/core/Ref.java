package io.djorm.core;

import io.djorm.core.internal.Holders;
import io.djorm.core.internal.ManyToManySide;
import io.djorm.core.internal.QueuedInserts;
import io.djorm.core.internal.Relations;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import java.util.Objects;

/**
 * The value of a {@code ForeignKey} or {@code OneToOneField} attribute (Django's forward descriptor).
 * Java cannot intercept a field read, so the attribute holds this small object instead of the
 * related instance:
 *
 * <pre>{@code
 * book.author.id();     // the raw key (Django: book.author_id), never a query
 * book.author.get();    // the Author: one query the first time, cached afterwards
 * book.author.set(a);   // points the key at a (saved when book is saved)
 * }</pre>
 *
 * Every model instance gets its holders from the Model constructor; never assign the attribute.
 *
 * @param <T> the target model
 */
public final class Ref<T extends Model> {
    private final Model owner;
    private final FieldMeta field;
    private Object key;
    private T cached;
    private boolean loaded;

    static {
        Holders.install(new Holders.Access() {
            @Override
            public Ref<?> newRef(Model owner, FieldMeta field) {
                return new Ref<>(owner, field);
            }

            @Override
            public ManyRelated<?> newManyRelated(Model owner, ManyToManySide side) {
                return ManyRelated.forward(owner, side);
            }

            @Override
            public void setKey(Ref<?> ref, Object key) {
                ref.setKey(key);
            }

            @Override
            @SuppressWarnings("unchecked")
            public void fill(Ref<?> ref, Model related) {
                ((Ref<Model>) ref).cached = related;
                ref.loaded = true;
            }

            @Override
            public Model cached(Ref<?> ref) {
                return ref.cached;
            }
        });
    }

    private Ref(Model owner, FieldMeta field) {
        this.owner = owner;
        this.field = field;
    }

    /**
     * The related instance, or null when the key is null. Queries the database the first time (unless
     * the instance came from {@code selectRelated}/{@code prefetchRelated} or was {@link #set}), then
     * returns the cached instance. Raises DoesNotExist when the key points at no row.
     */
    @SuppressWarnings("unchecked")
    public T get() {
        if (loaded) return cached;
        Object k = id();
        if (k == null) {
            cached = null;
        } else {
            ModelMeta target = Relations.target(field);
            String keyName = field.relation().toField().isEmpty() ? "pk" : field.relation().toField();
            String alias = owner.db() != null ? owner.db() : Djorm.DEFAULT_DB_ALIAS;
            cached = (T) QuerySet.of((Class<Model>) target.javaClass()).using(alias).get(keyName, k);
        }
        loaded = true;
        return cached;
    }

    /** The raw key (Django: {@code author_id}); no query. Null when unset. */
    public Object id() {
        if (key == null && cached != null) key = keyOf(cached);
        return key;
    }

    /** Points the relation at an instance of the target model (null clears it). */
    public void set(T related) {
        if (related == null) {
            cached = null;
            loaded = true;
            key = null;
            return;
        }
        ModelMeta target = Relations.target(field);
        // An instance of the target's own class is of the target model: no metadata look-up (a ClassValue
        // probe per set, two per Book of a thousand-row bulkCreate).
        if (related.getClass() != target.javaClass()) requireTargetModel(related.meta(), target);
        cached = related;
        loaded = true;
        key = keyOf(related, target);
    }

    /** Refuses an instance of another model; the same metadata, or another copy of it (same label), is the target. */
    private void requireTargetModel(ModelMeta given, ModelMeta target) {
        if (given != target && !given.label().equalsIgnoreCase(target.label())) {
            throw new ValueError("Cannot assign a " + given.label() + " instance to "
                    + owner.meta().label() + "." + field.name() + ": it must be a " + target.label() + " instance.");
        }
    }

    /** Sets the raw key (Django: {@code book.author_id = 3}); the next {@link #get()} loads that row. */
    public void setId(Object newKey) {
        setKey(field.type().coerce(newKey, field));
    }

    /** Whether {@link #get()} would answer without a query. */
    public boolean isCached() {
        return loaded;
    }

    private void setKey(Object newKey) {
        if (!Objects.equals(key, newKey) || (newKey == null && cached != null)) {
            cached = null;
            loaded = false;
        }
        key = newKey;
    }

    /**
     * The key of a related instance. Inside a remote atomic block the instance's INSERT may still be
     * queued by the transport; flushing it delivers the new primary key.
     */
    private Object keyOf(Model related) {
        return keyOf(related, Relations.target(field));
    }

    /** {@link #keyOf(Model)} with the relation's target model already looked up. */
    private Object keyOf(Model related, ModelMeta target) {
        FieldMeta keyField = Relations.targetKey(field, target);
        Object value = keyField.accessor().get(related);
        if (value == null && !related.isAdding() && related.db() != null) {
            QueuedInserts.flush(related.db());
            value = keyField.accessor().get(related);
        }
        return value;
    }

    @Override
    public String toString() {
        return "Ref[" + field.name() + "=" + (loaded && cached != null ? cached : id()) + "]";
    }
}
