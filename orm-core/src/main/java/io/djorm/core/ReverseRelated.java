package io.djorm.core;

import io.djorm.core.internal.Holders;
import io.djorm.core.internal.QueuedInserts;
import io.djorm.core.internal.Relations;
import io.djorm.core.meta.FieldMeta;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of another model whose foreign key points at one instance (Django: the reverse
 * many-to-one manager, {@code author.book_set}). {@code remove} and {@code clear} set the key to NULL,
 * so they exist only for nullable keys, as in Django.
 *
 * @param <T> the model declaring the foreign key
 */
final class ReverseRelated<T extends Model> extends RelatedManager<T> {
    private final Relations.Reverse reverse;

    ReverseRelated(Model owner, Relations.Reverse reverse) {
        super(owner);
        this.reverse = reverse;
    }

    @Override
    String cacheName() {
        return reverse.accessorName();
    }

    @Override
    @SuppressWarnings("unchecked")
    Class<T> resolveModel() {
        return (Class<T>) reverse.source().javaClass();
    }

    private FieldMeta key() {
        return reverse.field();
    }

    @Override
    Q condition() {
        return Q.of(key().name(), owner);
    }

    @Override
    public T create(Object... fieldValuePairs) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < fieldValuePairs.length; i += 2) values.put((String) fieldValuePairs[i], fieldValuePairs[i + 1]);
        if (fieldValuePairs.length % 2 != 0) {
            throw new ValueError("create() takes field/value pairs; the last field has no value.");
        }
        return create(values);
    }

    @Override
    public T create(Map<String, ?> values) {
        requireSaved();
        Map<String, Object> all = new LinkedHashMap<>(values);
        all.put(key().name(), owner);
        T created = QuerySet.of(model()).using(db()).create(all);
        Holders.access().fill(Holders.ref(created, key()), owner);
        forgetPrefetched();
        return created;
    }

    @Override
    public void add(Collection<? extends T> objs) {
        requireSaved();
        List<Object> pks = new ArrayList<>();
        for (T obj : objs) {
            requireModel(obj);
            Holders.access().setKey(Holders.ref(obj, key()), key().type().coerce(owner, key()));
            Holders.access().fill(Holders.ref(obj, key()), owner);
            Object pk = QueuedInserts.pk(obj);
            if (pk == null) obj.save(SaveOptions.using(db()));
            else pks.add(pk);
        }
        if (!pks.isEmpty()) QuerySet.of(model()).using(db()).filter("pk__in", pks).update(key().name(), owner);
        forgetPrefetched();
    }

    @Override
    public void remove(Collection<? extends T> objs) {
        requireNullable("remove");
        requireSaved();
        List<Object> pks = new ArrayList<>();
        Object ownerKey = key().type().coerce(owner, key());
        for (T obj : objs) {
            requireModel(obj);
            if (!ownerKey.equals(key().accessor().get(obj))) {
                throw new DoesNotExist(model(), obj + " is not related to " + owner + ".");
            }
            pks.add(obj.pk());
            Holders.access().setKey(Holders.ref(obj, key()), null);
        }
        if (!pks.isEmpty()) {
            QuerySet.of(model()).using(db()).filter(condition()).filter("pk__in", pks).update(key().name(), null);
        }
        forgetPrefetched();
    }

    @Override
    public void clear() {
        requireNullable("clear");
        requireSaved();
        QuerySet.of(model()).using(db()).filter(condition()).update(key().name(), null);
        forgetPrefetched();
    }

    @Override
    public void set(Collection<? extends T> objs) {
        requireSaved();
        if (key().nullable()) {
            List<T> stale = new ArrayList<>();
            for (T current : all().list()) if (!objs.contains(current)) stale.add(current);
            if (!stale.isEmpty()) remove(stale);
        }
        add(objs);
    }

    private void requireNullable(String what) {
        if (!key().nullable()) {
            throw new FieldError(what + "() would set " + reverse.source().label() + "." + key().name()
                    + " to NULL, but the field is not nullable. Delete the related rows instead, or declare the "
                    + "ForeignKey with nullable = true.");
        }
    }
}
