package io.djorm.core.internal;

import io.djorm.core.Djorm;
import io.djorm.core.FieldError;
import io.djorm.core.Model;
import io.djorm.core.Prefetch;
import io.djorm.core.Q;
import io.djorm.core.expressions.Expression;
import io.djorm.core.internal.query.Query;
import io.djorm.core.internal.query.QuerySetAccess;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import java.util.ArrayList;
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
    /** Where a row keeps that annotation (a constant: no string is built per row). */
    private static final String OWNER_EXTRAS_KEY = ModelInternals.ANNOTATION_PREFIX + OWNER_KEY;
    private final String alias;
    /** What each path prefix already loaded, so "books" then "books__tags" queries books once (Django does). */
    private final Map<String, List<Model>> loaded = new LinkedHashMap<>();

    Prefetcher(String alias) {
        this.alias = alias;
    }

    /** Prefetches every lookup for the instances (all of one model). */
    void prefetch(List<Model> instances, List<Prefetch> lookups) {
        for (Prefetch p : lookups) step(instances, p.lookup().split("__", -1), 0, p);
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
                    toAttr == null ? cacheKey + f.name() : cacheKey, custom);
        } else {
            Relations.Reverse reverse = PrefetchPaths.reverseByAccessor(meta, part, prefetch);
            String key = toAttr == null ? cacheKey + reverse.accessorName() : cacheKey;
            next = reverse.manyToMany()
                    ? manyToMany(instances, reverse.source(), reverse.field().name(), key, custom)
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
            for (Model row : fetch(target, custom, key.name(), wanted, null)) byKey.put(key.accessor().get(row), row);
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
        if (!wanted.isEmpty()) for (Model row : fetch(target, custom, key.name(), wanted, null)) byKey.put(key.accessor().get(row), row);
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
        List<Model> rows = groups.isEmpty() ? List.of() : fetch(reverse.source(), custom, fk.name(), groups.keySet(), null);
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
     * carrying the key of the instance it belongs to.
     */
    private List<Model> manyToMany(List<Model> instances, ModelMeta other, String lookup, String cacheKey, Query custom) {
        Set<Object> pks = new LinkedHashSet<>();
        for (Model m : instances) if (m.pk() != null) pks.add(m.pk());
        Map<Object, List<Model>> groups = new LinkedHashMap<>();
        for (Object pk : pks) groups.put(pk, new ArrayList<>());
        List<Model> rows = pks.isEmpty() ? List.of() : fetch(other, custom, lookup, pks, lookup + "__pk");
        for (Model row : rows) {
            List<Model> group = groups.get(ModelInternals.access().extras(row).get(OWNER_EXTRAS_KEY));
            if (group != null) group.add(row);
        }
        for (Model m : instances) {
            List<Model> mine = groups.getOrDefault(m.pk(), List.of());
            ModelInternals.access().extras(m).put(cacheKey, List.copyOf(mine));
        }
        return rows;
    }

    /**
     * The rows of {@code meta} (through the custom query when given) whose {@code lookup} is among the
     * keys, in batches that fit the parameter limit; {@code ownerPath} adds the owner-key annotation.
     */
    private List<Model> fetch(ModelMeta meta, Query custom, String lookup, Set<Object> keys, String ownerPath) {
        if (custom != null && !custom.model().label().equals(meta.label())) {
            throw new FieldError("The Prefetch queryset is of " + custom.model().label() + " but the path leads to "
                    + meta.label() + ". Give it a queryset of " + meta.label() + ".");
        }
        DatabaseHandle handle = Djorm.handle(alias);
        int batch = Math.max(1, handle.database().dialect().maxParameters() - 50);
        List<Object> all = new ArrayList<>(keys);
        List<Model> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += batch) {
            Query q = custom != null ? custom.copy() : new Query(meta, Djorm.apps());
            q.addFilter(Q.of(lookup + "__in", all.subList(from, Math.min(all.size(), from + batch))), false);
            if (ownerPath != null) {
                Map<String, Expression> owner = new LinkedHashMap<>();
                owner.put(OWNER_KEY, q.field(ownerPath));
                q.annotate(owner);
            }
            out.addAll(new QueryExecution<Model>(meta, q, handle, "MODELS").fetchAll());
        }
        return out;
    }
}
