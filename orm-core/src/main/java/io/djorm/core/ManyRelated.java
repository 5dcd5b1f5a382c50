package io.djorm.core;

import io.djorm.core.internal.ManyToManyRows;
import io.djorm.core.internal.ManyToManySide;
import io.djorm.core.internal.Relations;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The related manager of a many-to-many relation, from either side: the value of a
 * {@code @ManyToManyField} attribute ({@code book.tags}) and what a reverse accessor returns
 * ({@code tag.books()}). Writes change rows of the join table and send {@link Signals#M2M_CHANGED}.
 *
 * @param <T> the model on the other side
 */
public final class ManyRelated<T extends Model> extends RelatedManager<T> {
    /** What all the managers of this field share: the per-instance part is the owner (and prefetched rows). */
    private final ManyToManySide side;

    private ManyRelated(Model owner, ManyToManySide side) {
        super(owner);
        this.side = side;
    }

    /** The manager of a many-to-many field declared on the owner's model, from that field's shared side. */
    static ManyRelated<?> forward(Model owner, ManyToManySide side) {
        return new ManyRelated<>(owner, side);
    }

    /** The manager of a many-to-many field that another model declares pointing at the owner's model. */
    static <R extends Model> ManyRelated<R> reverse(Model owner, Relations.Reverse reverse) {
        return new ManyRelated<>(owner, ManyToManySide.reverse(reverse));
    }

    @Override
    String cacheName() {
        return side.cacheName();
    }

    @Override
    @SuppressWarnings("unchecked")
    Class<T> resolveModel() {
        return (Class<T>) side.relatedModel();
    }

    private ManyToManyRows rows() {
        return side.rows();
    }

    @Override
    Q condition() {
        return Q.of(side.lookup(), owner.pk());
    }

    @Override
    public T create(Object... fieldValuePairs) {
        requireSaved();
        T created = QuerySet.of(model()).using(db()).create(fieldValuePairs);
        add(List.of(created));
        return created;
    }

    @Override
    public T create(Map<String, ?> values) {
        requireSaved();
        T created = QuerySet.of(model()).using(db()).create(values);
        add(List.of(created));
        return created;
    }

    @Override
    public void add(Collection<? extends T> objs) {
        add(objs, Map.of());
    }

    /**
     * Relates these instances, filling the other fields of each new row of the {@code through} model
     * from {@code throughDefaults} (Django: {@code add(..., through_defaults=...)}).
     */
    public void add(Collection<? extends T> objs, Map<String, ?> throughDefaults) {
        requireSaved();
        objs.forEach(this::requireModel);
        forgetPrefetched();
        rows().add(owner, objs, db(), throughDefaults);
    }

    @Override
    public void remove(Collection<? extends T> objs) {
        requireSaved();
        objs.forEach(this::requireModel);
        forgetPrefetched();
        rows().remove(owner, objs, db());
    }

    @Override
    public void clear() {
        requireSaved();
        forgetPrefetched();
        rows().clear(owner, db());
    }

    /**
     * Relates the rows with these primary keys, without loading them (Django: {@code book.tags.add(1, 2)}).
     * Keys already related are left alone; a key with no row fails on the foreign key.
     */
    public void addPks(Object... pks) {
        requireSaved();
        forgetPrefetched();
        rows().addKeys(owner, rows().pks(java.util.Arrays.asList(pks), "add"), db(), Map.of());
    }

    /** Stops relating the rows with these primary keys (Django: {@code book.tags.remove(1, 2)}). */
    public void removePks(Object... pks) {
        requireSaved();
        forgetPrefetched();
        rows().removeKeys(owner, rows().pks(java.util.Arrays.asList(pks), "remove"), db());
    }

    /** Makes exactly the rows with these primary keys related (Django: {@code book.tags.set([1, 2])}). */
    public void setPks(Collection<?> pks) {
        requireSaved();
        forgetPrefetched();
        rows().setKeys(owner, rows().pks(pks, "set"), db());
    }

    @Override
    public void set(Collection<? extends T> objs) {
        requireSaved();
        objs.forEach(this::requireModel);
        forgetPrefetched();
        rows().set(owner, objs, db());
    }
}
