package io.djorm.core;

import io.djorm.core.internal.Construction;
import io.djorm.core.internal.Hydrating;
import io.djorm.core.internal.ModelInternals;
import io.djorm.core.internal.Persistence;
import io.djorm.core.internal.Validation;
import io.djorm.core.meta.FieldAccessor;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The base class of every model (Django: {@code models.Model}). Declare fields with the annotations
 * of {@code io.djorm.core.fields} and give the class a static manager:
 *
 * <pre>{@code
 * public class Book extends Model {
 *     @CharField(maxLength = 200) public String title;
 *     @IntegerField(defaultValue = "0") public Integer pages;
 *
 *     public static Manager<Book> objects() { return Manager.of(Book.class); }
 * }
 * }</pre>
 *
 * A model without a primary-key field gets an implicit auto-increment {@code id}, read with
 * {@link #pk()} or {@link #getId()}. Instances are equal when they are of the same model and have the
 * same non-null primary key.
 */
public abstract class Model {
    private Object implicitPk;
    private transient boolean adding = true;
    private transient String db;
    private transient Set<String> deferredFields;
    private transient Map<String, Object> extras;

    static {
        ModelInternals.install(new ModelInternals.Access() {
            @Override
            public void loaded(Model m, String alias, Set<String> deferred) {
                m.adding = false;
                m.db = alias;
                m.deferredFields = deferred;
            }

            @Override
            public void saved(Model m, String alias) {
                m.adding = false;
                m.db = alias;
            }

            @Override
            public Set<String> deferred(Model m) {
                return m.deferredFields;
            }

            @Override
            public void clearDeferred(Model m, Set<String> loaded) {
                if (m.deferredFields != null) {
                    m.deferredFields.removeAll(loaded);
                    if (m.deferredFields.isEmpty()) m.deferredFields = null;
                }
            }

            @Override
            public Map<String, Object> extras(Model m) {
                // Keeps annotations in query order; small at first: most instances hold one or two values
                // (a prefetched row its owner's key), and the default 16 slots would be allocated per row.
                if (m.extras == null) m.extras = new java.util.LinkedHashMap<>(4);
                return m.extras;
            }

            @Override
            public Object extra(Model m, String key) {
                return m.extras == null ? null : m.extras.get(key);
            }

            @Override
            public void removeExtra(Model m, String key) {
                if (m.extras != null) m.extras.remove(key);
            }

            @Override
            public void keepPrefetched(Model m, FieldMeta field, java.util.List<? extends Model> rows) {
                Object holder = field.accessor() == null ? null : field.accessor().get(m);
                if (holder instanceof RelatedManager<?> manager && manager.owner == m) {
                    manager.keepPrefetched(rows);
                } else {
                    extras(m).put(ModelInternals.PREFETCH_PREFIX + field.name(), rows);
                }
            }
        });
    }

    /** Creates an unsaved instance with the declared defaults applied. */
    protected Model() {
        // A hydrator creating this instance from a row hands over the class's plan, and the row sets the
        // fields: no defaults.
        Hydrating hydrating = Hydrating.current();
        Construction plan = hydrating.planOf(getClass());
        plan.initRelations(this);
        if (!hydrating.fromRow()) plan.applyDefaults(this);
    }

    /** The accessor of the implicit {@code id} (for the metadata factory). */
    public static FieldAccessor implicitPkAccessor() {
        return new FieldAccessor() {
            @Override
            public Object get(Object instance) {
                return ((Model) instance).implicitPk;
            }

            @Override
            public void set(Object instance, Object value) {
                ((Model) instance).implicitPk = value;
            }
        };
    }

    /** This model's metadata (Django: {@code _meta}). */
    public final ModelMeta meta() {
        return Apps.meta(getClass());
    }

    /** The primary key value, or null before the first save. */
    public final Object pk() {
        return meta().pk().accessor().get(this);
    }

    /** Sets the primary key value. */
    public final void setPk(Object value) {
        FieldMeta pk = meta().pk();
        pk.accessor().set(this, pk.type().coerce(value, pk));
    }

    /** The implicit auto-increment {@code id} as a Long (or the primary key when it is an integer). */
    public final Long getId() {
        Object pk = pk();
        if (pk == null) return null;
        if (pk instanceof Number n) return n.longValue();
        throw new FieldError(meta().label() + " has the non-integer primary key '" + meta().pk().name()
                + "'; use pk() instead of getId().");
    }

    /**
     * A field's value by name ({@code "title"}), or a relation's raw key by attname ({@code "author_id"}).
     * A field left out by {@code only()}/{@code defer()} is loaded first, with one query, as Django
     * loads a deferred attribute on access.
     */
    public final Object get(String fieldName) {
        FieldMeta f = meta().field(fieldName);
        if (deferredFields != null && deferredFields.contains(f.name())) refreshFromDb(f.name());
        return ModelInternals.get(this, f);
    }

    /** Sets a field by name, converting the value to the field's type (raises ValidationError when it cannot). */
    public final Model set(String fieldName, Object value) {
        ModelInternals.set(this, meta().field(fieldName), value);
        return this;
    }

    /**
     * The related manager of a reverse relation: the rows of another model whose ForeignKey or
     * ManyToManyField points at this instance (Django: {@code author.book_set}). Wrap it in a method:
     *
     * <pre>{@code
     * public RelatedManager<Book> books() { return related("books"); }
     * }</pre>
     *
     * @param relatedName the relation's {@code relatedName}, or {@code <model>_set} when it has none
     */
    protected final <R extends Model> RelatedManager<R> related(String relatedName) {
        io.djorm.core.internal.Relations.Reverse reverse = io.djorm.core.internal.Relations.byAccessorName(meta(), relatedName);
        if (reverse.manyToMany()) return ManyRelated.reverse(this, reverse);
        if (!reverse.multiValued()) {
            throw new FieldError("'" + relatedName + "' is the reverse side of a OneToOneField; read it with relatedObject(\""
                    + relatedName + "\").");
        }
        return new ReverseRelated<>(this, reverse);
    }

    /**
     * The instance on the other side of a reverse one-to-one relation (Django: {@code user.profile});
     * raises DoesNotExist when there is none. Cached after the first read, and filled by
     * {@code prefetchRelated}.
     *
     * @param relatedName the OneToOneField's {@code relatedName}, or the declaring model's name in lower case
     */
    @SuppressWarnings("unchecked")
    protected final <R extends Model> R relatedObject(String relatedName) {
        io.djorm.core.internal.Relations.Reverse reverse = io.djorm.core.internal.Relations.byAccessorName(meta(), relatedName);
        if (reverse.multiValued()) {
            throw new FieldError("'" + relatedName + "' is a multi-valued reverse relation; read it with related(\""
                    + relatedName + "\").");
        }
        Map<String, Object> cache = ModelInternals.access().extras(this);
        String key = ModelInternals.PREFETCH_PREFIX + relatedName;
        Object cached = cache.get(key);
        if (cached instanceof java.util.List<?> rows) {
            if (rows.isEmpty()) {
                throw new DoesNotExist(reverse.source().javaClass(), meta().modelName() + " has no " + relatedName + ".");
            }
            return (R) rows.get(0);
        }
        if (pk() == null) {
            throw new ValueError("'" + meta().modelName() + "' instance needs to have a primary key value before "
                    + "this relationship can be used. Save it first.");
        }
        R found = (R) QuerySet.of((Class<Model>) reverse.source().javaClass()).using(db == null ? Djorm.DEFAULT_DB_ALIAS : db)
                .get(reverse.field().name(), this);
        cache.put(key, java.util.List.of(found));
        return found;
    }

    /**
     * The rows a {@code new Prefetch(lookup, queryset, toAttr)} kept on this instance under
     * {@code toAttr} (Django: the {@code to_attr} attribute): a list of one or none for a foreign key
     * or one-to-one step.
     *
     * @throws IllegalStateException when no prefetch filled that name on this instance
     */
    @SuppressWarnings("unchecked")
    public final <T extends Model> java.util.List<T> prefetched(String toAttr) {
        Object rows = extras == null ? null : extras.get(ModelInternals.PREFETCH_ATTR_PREFIX + toAttr);
        if (rows == null) {
            throw new FieldError("Nothing was prefetched as '" + toAttr + "' on this " + meta().modelName()
                    + ". Load it with prefetchRelated(new Prefetch(lookup, queryset, \"" + toAttr + "\")).");
        }
        return (java.util.List<T>) rows;
    }

    /** A value computed by the query that loaded this instance ({@code annotate}), or null. */
    public final Object annotation(String name) {
        return extras == null ? null : extras.get(ModelInternals.ANNOTATION_PREFIX + name);
    }

    /**
     * The names of the values computed by the query that loaded this instance ({@code annotate}), in the
     * query's order; empty when there were none. Read each with {@link #annotation(String)}.
     */
    public final java.util.List<String> annotationNames() {
        if (extras == null) return java.util.List.of();
        java.util.List<String> names = new java.util.ArrayList<>();
        for (String key : extras.keySet()) {
            if (key.startsWith(ModelInternals.ANNOTATION_PREFIX)) names.add(key.substring(ModelInternals.ANNOTATION_PREFIX.length()));
        }
        return java.util.List.copyOf(names);
    }

    /** Whether the instance has not been saved or loaded yet (Django: {@code _state.adding}). */
    public final boolean isAdding() {
        return adding;
    }

    /** The alias the instance was loaded from or saved to, or null (Django: {@code _state.db}). */
    public final String db() {
        return db;
    }

    /**
     * Fields not loaded because of {@code only()}/{@code defer()}, by attname as Django's
     * {@code get_deferred_fields()} ({@code "author_id"} for a foreign key); empty when all are loaded.
     */
    public final Set<String> deferredFields() {
        if (deferredFields == null) return Set.of();
        Set<String> out = new java.util.HashSet<>();
        for (String name : deferredFields) out.add(meta().field(name).attname());
        return Set.copyOf(out);
    }

    /** Inserts or updates the row. */
    public void save() {
        save(SaveOptions.defaults());
    }

    /** Saves with options: alias, update fields, force insert or update. */
    public void save(SaveOptions options) {
        Persistence.save(this, options);
    }

    /** Updates only the named fields. */
    public final void save(String... updateFields) {
        save(SaveOptions.updateFields(updateFields));
    }

    /** Deletes the row (and what cascades from it); returns the counts per model. */
    public DeleteResult delete() {
        return Persistence.delete(this, db == null ? Djorm.DEFAULT_DB_ALIAS : db);
    }

    /** Deletes the row from the given alias. */
    public DeleteResult delete(String using) {
        return Persistence.delete(this, using);
    }

    /** Reloads every field (or the named ones) from the database. */
    public void refreshFromDb(String... fields) {
        Persistence.refresh(this, fields.length == 0 ? null : new LinkedHashSet<>(Arrays.asList(fields)));
    }

    /**
     * Validates every field (type, max length, null/blank, choices, formats), then {@link #clean()},
     * then uniqueness (Django: {@code full_clean}). Raises {@link ValidationError} with all problems.
     */
    public void fullClean(String... exclude) {
        Validation.fullClean(this, Set.of(exclude));
    }

    /** Model-wide validation hook for subclasses; throw {@link ValidationError} to reject. */
    public void clean() {
    }

    /** Checks unique fields, unique-together sets and unique constraints against the database. */
    public void validateUnique() {
        Validation.validateUnique(this, Set.of());
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (o == null || o.getClass() != getClass()) return false;
        Object pk = pk();
        return pk != null && pk.equals(((Model) o).pk());
    }

    @Override
    public int hashCode() {
        Object pk = pk();
        if (pk == null) return System.identityHashCode(this);
        return pk.hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " object (" + pk() + ")";
    }
}
