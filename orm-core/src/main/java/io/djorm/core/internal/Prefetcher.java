package io.djorm.core.internal;

import io.djorm.core.Djorm;
import io.djorm.core.FieldError;
import io.djorm.core.Model;
import io.djorm.core.Prefetch;
import io.djorm.core.internal.query.LookupPaths;
import io.djorm.core.internal.query.Query;
import io.djorm.core.internal.query.QuerySetAccess;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.FieldType;
import io.djorm.core.meta.ModelMeta;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs {@code prefetchRelated}: for each step of each path, one query that loads the related rows of
 * every instance at once ({@code WHERE key IN (...)}), then puts them into the instances' holders and
 * related-manager caches (Django: {@code prefetch_related_objects}).
 */
final class Prefetcher {
    /** The annotation that carries, on each prefetched many-to-many row, the key of the instance it belongs to. */
    private static final String OWNER_KEY = "_prefetch_related_val";
    private final String alias;
    /** What each path prefix already loaded, so "books" then "books__tags" queries books once (Django does). */
    private final Map<String, List<Model>> loaded = new LinkedHashMap<>();

    Prefetcher(String alias) {
        this.alias = alias;
    }

    /** Prefetches every lookup for the instances (all of one model). */
    void prefetch(List<Model> instances, List<Prefetch> lookups) {
        // Not String.split("__"): a two-character separator compiles a regular expression on every call.
        for (Prefetch p : lookups) step(instances, LookupPaths.split(p.lookup()), 0, p);
    }

    private void step(List<Model> instances, String[] parts, int i, Prefetch prefetch) {
        if (instances.isEmpty() || i == parts.length) return;
        ModelMeta meta = instances.get(0).meta();
        String part = parts[i];
        boolean last = i == parts.length - 1;
        Query custom = last && prefetch.queryset() != null ? QuerySetAccess.query(prefetch.queryset()) : null;
        String toAttr = last ? prefetch.toAttr() : null;
        String prefix = String.join("__", java.util.Arrays.copyOf(parts, i + 1));
        if (custom == null && toAttr == null && loaded.containsKey(prefix)) {
            step(loaded.get(prefix), parts, i + 1, prefetch);
            return;
        }
        if (toAttr != null && meta.findField(toAttr) != null) {
            throw new FieldError("toAttr=\"" + toAttr + "\" conflicts with a field on the " + meta.modelName()
                    + " model; choose another name for " + prefetch + ".");
        }
        String cacheKey = toAttr == null ? ModelInternals.PREFETCH_PREFIX : ModelInternals.PREFETCH_ATTR_PREFIX + toAttr;
        FieldMeta f = meta.findField(part);
        List<Model> next;
        if (f != null && f.isRelation() && f.hasColumn()) {
            next = forward(instances, f, custom, toAttr == null ? null : cacheKey);
        } else if (f != null && f.isRelation()) {
            next = manyToMany(instances, Relations.target(f), new Relations.Reverse(meta, f).queryName(),
                    toAttr == null ? f : null, cacheKey, custom);
        } else {
            Relations.Reverse reverse = PrefetchPaths.reverseByAccessor(meta, part, prefetch);
            String key = toAttr == null ? cacheKey + reverse.accessorName() : cacheKey;
            next = reverse.manyToMany()
                    ? manyToMany(instances, reverse.source(), reverse.field().name(), null, key, custom)
                    : reverseForeignKey(instances, reverse, custom, key);
        }
        // Later lookups continue from a path, or from a toAttr name in its place ("longBooks__tags").
        if (toAttr != null) {
            loaded.put(i == 0 ? toAttr : String.join("__", java.util.Arrays.copyOf(parts, i)) + "__" + toAttr, next);
        } else if (custom == null) {
            loaded.put(prefix, next);
        }
        step(next, parts, i + 1, prefetch);
    }

    /**
     * Forward foreign keys: one query for the targets not cached yet. With {@code attrKey} every target
     * is queried (through the custom queryset) and kept under that key, as a list of one or none,
     * instead of in the holders.
     */
    private List<Model> forward(List<Model> instances, FieldMeta f, Query custom, String attrKey) {
        ModelMeta target = Relations.target(f);
        FieldMeta key = Relations.targetKey(f);
        if (attrKey != null) return forwardToAttr(instances, f, target, key, custom, attrKey);
        Set<Object> wanted = new LinkedHashSet<>();
        for (Model m : instances) {
            var ref = Holders.ref(m, f);
            if (!ref.isCached() && ref.id() != null) wanted.add(ref.id());
        }
        Map<Object, Model> byKey = new LinkedHashMap<>();
        if (!wanted.isEmpty()) {
            for (Model row : fetch(target, custom, key.name(), bound(wanted, key, false), null, null)) {
                byKey.put(key.accessor().get(row), row);
            }
            for (Model m : instances) {
                var ref = Holders.ref(m, f);
                if (!ref.isCached()) Holders.access().fill(ref, ref.id() == null ? null : byKey.get(ref.id()));
            }
        }
        Map<Model, Boolean> distinct = new IdentityHashMap<>();
        List<Model> out = new ArrayList<>();
        for (Model m : instances) {
            Model related = Holders.access().cached(Holders.ref(m, f));
            if (related != null && distinct.put(related, Boolean.TRUE) == null) out.add(related);
        }
        return out;
    }

    private List<Model> forwardToAttr(List<Model> instances, FieldMeta f, ModelMeta target, FieldMeta key, Query custom,
                                      String attrKey) {
        Set<Object> wanted = new LinkedHashSet<>();
        for (Model m : instances) {
            Object id = Holders.ref(m, f).id();
            if (id != null) wanted.add(id);
        }
        Map<Object, Model> byKey = new LinkedHashMap<>();
        if (!wanted.isEmpty()) {
            for (Model row : fetch(target, custom, key.name(), bound(wanted, key, false), null, null)) {
                byKey.put(key.accessor().get(row), row);
            }
        }
        for (Model m : instances) {
            Model related = byKey.get(Holders.ref(m, f).id());
            ModelInternals.access().extras(m).put(attrKey, related == null ? List.of() : List.of(related));
        }
        return new ArrayList<>(byKey.values());
    }

    /** Reverse foreign keys (and reverse one-to-one): one query for the rows pointing at any instance. */
    private List<Model> reverseForeignKey(List<Model> instances, Relations.Reverse reverse, Query custom, String cacheKey) {
        FieldMeta fk = reverse.field();
        FieldMeta ownerKey = Relations.targetKey(fk);
        Map<Object, List<Model>> groups = new LinkedHashMap<>();
        for (Model m : instances) {
            Object k = ownerKey.accessor().get(m);
            if (k != null) groups.put(k, new ArrayList<>());
        }
        List<Model> rows = groups.isEmpty() ? List.of()
                : fetch(reverse.source(), custom, fk.name(), bound(groups.keySet(), ownerKey, true), null, null);
        Map<Object, Model> owners = new LinkedHashMap<>();
        for (Model m : instances) owners.put(ownerKey.accessor().get(m), m);
        for (Model row : rows) {
            Object k = fk.accessor().get(row);
            groups.get(k).add(row);
            Holders.access().fill(Holders.ref(row, fk), owners.get(k)); // row.fk.get() needs no query either
        }
        for (Model m : instances) {
            List<Model> mine = groups.getOrDefault(ownerKey.accessor().get(m), List.of());
            ModelInternals.access().extras(m).put(cacheKey, List.copyOf(mine));
        }
        return rows;
    }

    /**
     * Many-to-many, either side: one query of the other model joined to the join table, each row
     * carrying the key of the instance it belongs to, read beside the row rather than kept on it. A
     * many-to-many field's rows ({@code managerField}) go to the field's manager of each instance,
     * any other's (reverse side, {@code toAttr}) to its extras under {@code cacheKey}.
     */
    private List<Model> manyToMany(List<Model> instances, ModelMeta other, String lookup, FieldMeta managerField,
                                   String cacheKey, Query custom) {
        PrefetchGroups groups = PrefetchGroups.byPrimaryKey(instances);
        List<Model> rows = groups.keys().isEmpty() ? List.of()
                : fetch(other, custom, lookup, bound(groups.keys(), instances.get(0).meta().pk(), true),
                        lookup + "__pk", groups);
        groups.group(rows);
        ModelInternals.Access access = ModelInternals.access();
        for (int i = 0; i < instances.size(); i++) {
            Model m = instances.get(i);
            if (managerField != null) access.keepPrefetched(m, managerField, groups.rowsOf(i));
            else access.extras(m).put(cacheKey, groups.rowsOf(i));
        }
        return rows;
    }

    /**
     * The keys as the database values an IN list binds, each converted once, as the lookup would convert it:
     * on a foreign key to {@code key} ({@code throughForeignKey}) with the key's {@code toDb}, on {@code key}
     * itself as a compared value.
     */
    private static List<Object> bound(Collection<Object> keys, FieldMeta key, boolean throughForeignKey) {
        FieldType type = key.type();
        List<Object> out = new ArrayList<>(keys.size());
        for (Object k : keys) {
            Object coerced = type.coerce(k, key);
            out.add(throughForeignKey ? type.toDb(coerced, key) : type.toDbForLookup(coerced, key));
        }
        return out;
    }

    /**
     * The rows of {@code meta} (through the custom query when given) whose {@code lookup} is among the
     * keys (database values), in batches that fit the parameter limit. With {@code ownerPath}, the query
     * also selects that path, the key of the instance each row belongs to, and {@code owners} reads it
     * row by row.
     */
    private List<Model> fetch(ModelMeta meta, Query custom, String lookup, List<Object> keys, String ownerPath,
                              QueryExecution.RowKeys owners) {
        if (custom != null && !custom.model().label().equals(meta.label())) {
            throw new FieldError("The Prefetch queryset is of " + custom.model().label() + " but the path leads to "
                    + meta.label() + ". Give it a queryset of " + meta.label() + ".");
        }
        if (custom != null && ownerPath != null && custom.annotations().containsKey(OWNER_KEY)) {
            throw new FieldError("The annotation name '" + OWNER_KEY + "' is reserved for prefetchRelated's own use; "
                    + "choose another name in the Prefetch queryset.");
        }
        DatabaseHandle handle = Djorm.handle(alias);
        int batch = Math.max(1, handle.database().dialect().maxParameters() - 50);
        if (keys.size() <= batch) return fetchBatch(handle, meta, custom, lookup, keys, ownerPath, owners);
        List<Model> out = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += batch) {
            List<Object> some = keys.subList(from, Math.min(keys.size(), from + batch));
            out.addAll(fetchBatch(handle, meta, custom, lookup, some, ownerPath, owners));
        }
        return out;
    }

    /** One query of {@link #fetch}, for as many keys as one statement can bind. */
    private static List<Model> fetchBatch(DatabaseHandle handle, ModelMeta meta, Query custom, String lookup,
                                          List<Object> keys, String ownerPath, QueryExecution.RowKeys owners) {
        PrefetchBatches.Batch batch = PrefetchBatches.of(handle.database().dialect(), meta, custom, lookup, keys,
                OWNER_KEY, ownerPath);
        QueryExecution<Model> execution = new QueryExecution<>(meta, batch.query(), handle, "MODELS");
        return ownerPath == null ? execution.fetchAll(batch.statement())
                : execution.fetchAllKeyedByLastAnnotation(owners, batch.statement());
    }
}
