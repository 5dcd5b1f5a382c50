package io.djorm.core.internal;

import io.djorm.core.Djorm;
import io.djorm.core.Q;
import io.djorm.core.expressions.Expression;
import io.djorm.core.expressions.Resolver;
import io.djorm.core.expressions.SqlWriter;
import io.djorm.core.internal.query.Query;
import io.djorm.core.internal.query.SqlCompiler;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.Dialect;
import io.djorm.core.spi.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The queries of prefetchRelated's batches. A batch without a custom queryset differs from the last one
 * of its relation only in its keys: its SQL is rendered once per model, path, dialect and number of
 * keys, and later batches of that shape bind their keys to it, where building the query and rendering
 * an IN list of a thousand keys cost as much as hydrating a tenth of its rows.
 */
final class PrefetchBatches {
    /** Shapes kept; the least recently used goes first (every distinct number of keys is a shape). */
    private static final RecentlyUsed<Shape, Rendered> RENDERED = new RecentlyUsed<>(64);

    private PrefetchBatches() {
    }

    /** What a plain batch's SQL depends on; model, registry and dialect by identity. */
    private record Shape(ModelMeta meta, Object apps, Dialect dialect, String lookup, String ownerPath, int keys) {
    }

    /** A batch's query (its rows are read as it says) and the SQL it renders, whose parameters are the keys alone. */
    private record Rendered(Query query, String sql) {
    }

    /** A key of the IN list, already a database value: bound as it is, not converted again. */
    private record BoundKey(Object value) implements Expression {
        @Override
        public Expression resolve(Resolver resolver) {
            return this;
        }

        @Override
        public void render(SqlWriter out) {
            out.param(value);
        }
    }

    /** A batch to run: the query its rows are read by, and its statement, or null when the query renders it as it runs. */
    record Batch(Query query, Statement statement) {
    }

    /**
     * The batch for these keys (database values, in IN-list order): {@code meta} rows whose {@code lookup}
     * is among them, with the annotation {@code ownerName} of {@code ownerPath} when that is given.
     * {@code custom} is the Prefetch queryset, or null.
     */
    static Batch of(Dialect dialect, ModelMeta meta, Query custom, String lookup, List<Object> keys, String ownerName,
                    String ownerPath) {
        // A custom queryset renders as it runs: it may filter with values of its own, or plan a top-k search.
        if (custom != null) return new Batch(build(meta, custom, lookup, keys, ownerName, ownerPath), null);
        Shape shape = new Shape(meta, Djorm.apps(), dialect, lookup, ownerPath, keys.size());
        Rendered done = RENDERED.get(shape);
        if (done != null) return new Batch(done.query(), new Statement(done.sql(), keys));
        Query q = build(meta, null, lookup, keys, ownerName, ownerPath);
        Batch batch = new Batch(q, new SqlCompiler(q, dialect).select().toStatement());
        // Kept only when the keys are the statement's only parameters, in order: then binding others is the same query.
        if (batch.statement().params().equals(keys)) {
            RENDERED.put(shape, new Rendered(batch.query(), batch.statement().sql()));
        }
        return batch;
    }

    private static Query build(ModelMeta meta, Query custom, String lookup, List<Object> keys, String ownerName,
                               String ownerPath) {
        Query q = custom != null ? custom.copy() : new Query(meta, Djorm.apps());
        List<Expression> values = new ArrayList<>(keys.size());
        for (Object k : keys) values.add(new BoundKey(k));
        q.addFilter(Q.of(lookup + "__in", values), false);
        if (ownerPath != null) {
            Map<String, Expression> owner = new LinkedHashMap<>();
            owner.put(ownerName, q.field(ownerPath));
            q.annotate(owner);
        }
        return q;
    }
}
