package io.djorm.core.internal;

import io.djorm.core.FieldError;
import io.djorm.core.Prefetch;
import io.djorm.core.internal.query.LookupPaths;
import io.djorm.core.internal.query.QuerySetAccess;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks prefetchRelated paths against the models when they are given, so that a bad path raises
 * {@link FieldError} before any SQL runs, whether or not there are related rows to load.
 */
public final class PrefetchPaths {
    private PrefetchPaths() {
    }

    /** Raises FieldError unless {@code added} is a valid path from {@code root}, after the {@code earlier} ones. */
    public static void check(ModelMeta root, List<Prefetch> earlier, Prefetch added) {
        Map<String, ModelMeta> toAttrs = new HashMap<>();
        for (Prefetch p : earlier) walk(root, p, toAttrs);
        walk(root, added, toAttrs);
    }

    private static void walk(ModelMeta root, Prefetch prefetch, Map<String, ModelMeta> toAttrs) {
        String[] parts = LookupPaths.split(prefetch.lookup()); // no regular expression per call, as String.split("__") compiles
        ModelMeta meta = root;
        for (int i = 0; i < parts.length; i++) {
            String prefix = String.join("__", java.util.Arrays.copyOf(parts, i + 1));
            ModelMeta next = toAttrs.get(prefix); // a later lookup may continue from an earlier toAttr name
            if (next == null) {
                FieldMeta f = meta.findField(parts[i]);
                next = f != null && f.isRelation() ? Relations.target(f)
                        : reverseByAccessor(meta, parts[i], prefetch).source();
            }
            if (i == parts.length - 1) {
                ModelMeta custom = prefetch.queryset() == null ? null : QuerySetAccess.query(prefetch.queryset()).model();
                if (custom != null && custom != next) {
                    throw new FieldError("The Prefetch queryset is of " + custom.label() + " but the path '"
                            + prefetch.lookup() + "' leads to " + next.label() + ".");
                }
                if (prefetch.toAttr() != null) {
                    String base = String.join("__", java.util.Arrays.copyOf(parts, i));
                    toAttrs.put(i == 0 ? prefetch.toAttr() : base + "__" + prefetch.toAttr(), next);
                }
            }
            meta = next;
        }
    }

    /** The reverse relation reached from {@code meta} by an accessor name; FieldError listing the choices otherwise. */
    static Relations.Reverse reverseByAccessor(ModelMeta meta, String part, Prefetch prefetch) {
        List<String> names = new ArrayList<>();
        for (FieldMeta f : meta.fields()) if (f.isRelation()) names.add(f.name());
        for (Relations.Reverse r : Relations.reverseOf(meta)) {
            if (r.accessorName().equals(part)) return r;
            if (!r.field().relation().relatedName().endsWith("+")) names.add(r.accessorName());
        }
        throw new FieldError("Cannot find '" + part + "' on " + meta.label() + " objects: '" + prefetch.lookup()
                + "' is an invalid path for prefetchRelated(). Relations of " + meta.modelName() + ": "
                + String.join(", ", names.stream().sorted().toList()) + ".");
    }
}
