package io.djorm.core;

import io.djorm.core.internal.ModelInternals;
import io.djorm.core.internal.QueuedInserts;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The rows on the other side of a relation of one instance (Django: a related manager), such as
 * {@code author.books()} or {@code book.tags}. Reads start from {@link #all()}; writes change which
 * rows are related. When the instance came from {@code prefetchRelated}, {@link #all()} answers from
 * the prefetched rows without a query.
 *
 * @param <T> the related model
 */
public abstract class RelatedManager<T extends Model> {
    /** The instance whose related rows this manager reads. */
    final Model owner;
    /**
     * The rows prefetchRelated loaded for a many-to-many field's manager, which lives as long as its
     * instance; null when none (managers made per call, such as reverse ones, find theirs in the instance's extras).
     */
    private List<T> prefetched;

    RelatedManager(Model owner) {
        this.owner = owner;
    }

    /** The related model class. */
    public final Class<T> model() {
        return resolveModel();
    }

    /** Finds the related model class (late: the target may not be registered when the owner is built). */
    abstract Class<T> resolveModel();

    /** The name the owner keeps prefetched rows of this relation under. */
    abstract String cacheName();

    /** The condition that selects the related rows (on the related model). */
    abstract Q condition();

    /** The alias the owner lives on. */
    public final String db() {
        return owner.db() != null ? owner.db() : Djorm.DEFAULT_DB_ALIAS;
    }

    /** Raises when the owner has no primary key yet: its relations cannot be read or changed. */
    final void requireSaved() {
        if (QueuedInserts.pk(owner) == null) {
            throw new ValueError("'" + owner.meta().modelName() + "' instance needs to have a primary key "
                    + "value before this relationship can be used. Save it first.");
        }
    }

    /** The related rows; from the prefetch cache when there is one. */
    public QuerySet<T> all() {
        requireSaved();
        QuerySet<T> base = QuerySet.of(model()).using(db()).filter(condition());
        List<T> rows = prefetchedRows();
        return rows == null ? base : base.withResults(rows);
    }

    /** The prefetched rows (read-only), or null when none were prefetched or a write made them stale. */
    @SuppressWarnings("unchecked")
    private List<T> prefetchedRows() {
        if (prefetched != null) return prefetched;
        return (List<T>) ModelInternals.access().extra(owner, ModelInternals.PREFETCH_PREFIX + cacheName());
    }

    /** Keeps the rows prefetchRelated loaded (a read-only list) until a write through this manager. */
    @SuppressWarnings("unchecked")
    final void keepPrefetched(List<? extends Model> rows) {
        prefetched = (List<T>) rows;
    }

    /** The related rows matching {@code lookup=value} and any further pairs. */
    public QuerySet<T> filter(String lookup, Object value, Object... more) {
        return all().filter(lookup, value, more);
    }

    /** The related rows matching a condition. */
    public QuerySet<T> filter(Q condition) {
        return all().filter(condition);
    }

    /** The related rows not matching {@code lookup=value} and any further pairs. */
    public QuerySet<T> exclude(String lookup, Object value, Object... more) {
        return all().exclude(lookup, value, more);
    }

    /** The related rows in an order. */
    public QuerySet<T> orderBy(Object... terms) {
        return all().orderBy(terms);
    }

    /** The one related row matching the lookups. */
    public T get(String lookup, Object value, Object... more) {
        return all().get(lookup, value, more);
    }

    /** How many rows are related. */
    public long count() {
        return all().count();
    }

    /** Whether any row is related. */
    public boolean exists() {
        return all().exists();
    }

    /** The related rows as a read-only list; the prefetched one itself when there is one. */
    public List<T> list() {
        requireSaved();
        List<T> rows = prefetchedRows();
        return rows != null ? rows : all().list();
    }

    /** Creates a related row from field/value pairs and relates it (Django: {@code create(**kwargs)}). */
    public abstract T create(Object... fieldValuePairs);

    /** Creates a related row from a map of field values and relates it. */
    public abstract T create(Map<String, ?> values);

    /** Relates these instances (saved instances of the related model). */
    @SafeVarargs
    public final void add(T... objs) {
        add(List.of(objs));
    }

    /** Relates these instances. */
    public abstract void add(Collection<? extends T> objs);

    /** Stops relating these instances. */
    @SafeVarargs
    public final void remove(T... objs) {
        remove(List.of(objs));
    }

    /** Stops relating these instances. */
    public abstract void remove(Collection<? extends T> objs);

    /** Stops relating every instance. */
    public abstract void clear();

    /** Makes exactly these instances related: removes the others, adds the missing ones. */
    public abstract void set(Collection<? extends T> objs);

    /** Raises a clear error for an object of another model (possible through raw types). */
    final void requireModel(Object obj) {
        if (obj == null || !model().isInstance(obj)) {
            throw new ValueError("'" + model().getSimpleName() + "' instance expected, got "
                    + (obj == null ? "null" : obj.getClass().getSimpleName() + " " + obj) + ".");
        }
    }

    /** Forgets prefetched rows after a write, so the next read sees the database. */
    final void forgetPrefetched() {
        prefetched = null;
        ModelInternals.access().removeExtra(owner, ModelInternals.PREFETCH_PREFIX + cacheName());
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + owner + " -> " + cacheName() + "]";
    }
}
