package io.djorm.core.internal.query;

import io.djorm.core.FieldError;
import io.djorm.core.Q;
import io.djorm.core.expressions.Col;
import io.djorm.core.expressions.Expression;
import io.djorm.core.expressions.SqlWriter;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import java.util.List;

/**
 * Resolves the names of {@code aggregate()} against a query read as {@code (SELECT ...) subquery}: a
 * grouped, sliced or distinct queryset is aggregated over its own rows, so names refer to the
 * subquery's result columns (fields and annotations), not to the tables inside it.
 */
public final class SubqueryColumns implements QueryResolver {
    /** The alias of the wrapped SELECT. */
    public static final String ALIAS = "subquery";
    private final Query query;

    /** Names of {@code query}'s result columns. */
    public SubqueryColumns(Query query) {
        this.query = query;
    }

    @Override
    public ModelMeta model() {
        return query.model();
    }

    @Override
    public Expression annotation(String name) {
        Expression a = query.annotation(name);
        return a == null ? null : new ResultColumn(name, a.outputField());
    }

    @Override
    public Expression field(String path) {
        Expression annotation = annotation(path);
        if (annotation != null) return annotation;
        if (query.mode() != Query.Mode.MODELS) {
            if (query.valueNames().contains(path)) {
                return new ResultColumn(path, query.field(path).outputField());
            }
        } else if (!path.contains("__")) {
            FieldMeta f = path.equals("pk") ? query.model().pk() : query.model().findField(path);
            if (f != null && query.loadedFields().contains(f)) return new Col(ALIAS, f);
        }
        throw new FieldError("Cannot aggregate over '" + path + "' here: this queryset groups, slices or is distinct, so "
                + "aggregate() reads its rows as a subquery, whose columns are " + columns() + ".");
    }

    private List<String> columns() {
        if (query.mode() != Query.Mode.MODELS) return query.valueNames();
        List<String> names = new java.util.ArrayList<>();
        for (FieldMeta f : query.loadedFields()) names.add(f.name());
        names.addAll(query.annotations().keySet());
        return names;
    }

    @Override
    public Expression condition(Q condition) {
        throw new FieldError("Filtered aggregates (" + condition + ") cannot be used in aggregate() over a queryset that "
                + "groups, slices or is distinct; filter the queryset instead.");
    }

    /** {@code "subquery"."name"}: a named result column of the wrapped SELECT. */
    private record ResultColumn(String name, FieldMeta outputField) implements Expression {
        @Override
        public Expression resolve(io.djorm.core.expressions.Resolver resolver) {
            return this;
        }

        @Override
        public void render(SqlWriter out) {
            out.identifier(ALIAS).sql(".").identifier(name);
        }
    }
}
