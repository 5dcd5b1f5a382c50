package io.djorm.core.internal.query;

import io.djorm.core.expressions.Col;
import io.djorm.core.expressions.Expression;
import io.djorm.core.expressions.OrderBy;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.spi.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link Query} as SQL for one dialect (Django: {@code SQLCompiler}). Every value is a
 * parameter; every identifier is quoted by the dialect.
 */
public final class SqlCompiler {
    private Query query;
    private final Dialect dialect;
    /** Whether {@link #query} is still the caller's, which resolving the model's default ordering must not change. */
    private boolean shared;

    /** A compiler for a query and dialect. The query is not changed. */
    public SqlCompiler(Query query, Dialect dialect) {
        this.query = query;
        this.dialect = dialect;
        this.shared = true;
    }

    /**
     * The query's effective ordering. Resolving the model's default ordering may add joins, so it is done
     * on a private copy, made here when first needed: a COUNT, an UPDATE or a DELETE never orders and
     * so never copies.
     */
    private List<OrderBy> effectiveOrdering() {
        if (shared && query.isOrdered() && !query.model().ordering().isEmpty()) {
            query = query.copy();
            shared = false;
        }
        return query.effectiveOrdering();
    }

    /** The SELECT of the query's rows, in the query's mode. */
    public SqlBuffer select() {
        if (query.combination() != null) return combinedSelect();
        SqlBuffer out = new SqlBuffer(dialect);
        List<OrderBy> ordering = effectiveOrdering();
        List<Expression> columns = selectedExpressions();
        out.sql(query.distinct() ? "SELECT DISTINCT " : "SELECT ");
        renderColumns(out, columns);
        from(out);
        where(out);
        groupBy(out, columns);
        orderBy(out, ordering, columnNames());
        out.sql(dialect.limitOffset(query.limit(), query.offset()));
        return out;
    }

    /** The expressions the SELECT lists, in order (model fields, then annotations; or the values() names). */
    public List<Expression> selectedExpressions() {
        List<Expression> out = new ArrayList<>();
        if (query.mode() == Query.Mode.MODELS) {
            for (FieldMeta f : query.loadedFields()) out.add(new Col(query.baseAlias(), f));
            out.addAll(query.annotations().values());
            for (Query.RelatedSelection r : query.relatedSelections()) {
                for (FieldMeta f : r.model().concreteFields()) out.add(new Col(r.alias(), f));
            }
        } else {
            out.addAll(query.valueExpressions());
        }
        return out;
    }

    private void renderColumns(SqlBuffer out, List<Expression> columns) {
        List<String> names = columnNames();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) out.sql(", ");
            Expression e = columns.get(i);
            e.render(out);
            String name = names.get(i);
            if (!(e instanceof Col c && c.field().column().equals(name))) out.sql(" AS ").identifier(name);
        }
    }

    private List<String> columnNames() {
        List<String> names = new ArrayList<>();
        if (query.mode() == Query.Mode.MODELS) {
            for (FieldMeta f : query.loadedFields()) names.add(f.column());
            names.addAll(query.annotations().keySet());
            for (Query.RelatedSelection r : query.relatedSelections()) {
                for (FieldMeta f : r.model().concreteFields()) names.add(f.column());
            }
        } else {
            names.addAll(query.valueNames());
        }
        return names;
    }

    private void from(SqlBuffer out) {
        out.sql(" FROM ").identifier(query.model().dbTable());
        if (!query.baseAlias().equals(query.model().dbTable())) out.sql(" ").identifier(query.baseAlias());
        if (!query.hasJoins()) return;
        for (Join j : query.joinsInOrder()) {
            out.sql(j.leftOuter() ? " LEFT OUTER JOIN " : " INNER JOIN ").identifier(j.table());
            if (!j.alias().equals(j.table())) out.sql(" ").identifier(j.alias());
            out.sql(" ON (").identifier(j.parentAlias()).sql(".").identifier(j.parentColumn()).sql(" = ")
                    .identifier(j.alias()).sql(".").identifier(j.column()).sql(")");
        }
    }

    private void where(SqlBuffer out) {
        if (query.isEmpty()) {
            out.sql(" WHERE 0 = 1");
            return;
        }
        WhereNode where = query.where();
        if (where.isEmpty()) return;
        if (!where.containsAggregate()) {
            // The common case: every condition is plain, and the query's own AND node renders as the
            // AND of its plain conditions would.
            out.sql(" WHERE ");
            where.render(out, false);
            return;
        }
        List<Predicate> plain = new ArrayList<>();
        for (Predicate p : where.children()) if (!p.containsAggregate()) plain.add(p);
        if (plain.isEmpty()) return;
        out.sql(" WHERE ");
        new WhereNode(io.djorm.core.Q.Connector.AND, false, plain).render(out, false);
    }

    /**
     * GROUP BY and HAVING, by Django's rules: with an aggregate in the SELECT, rows group by the
     * values() names given before the aggregate annotate(), else by every selected plain column (the
     * model's columns, so one group per row); filters on aggregates go to HAVING.
     */
    private void groupBy(SqlBuffer out, List<Expression> columns) {
        boolean aggregate = columns.stream().anyMatch(Expression::containsAggregate) || query.hasAggregateAnnotation();
        List<Predicate> having = new ArrayList<>();
        for (Predicate p : query.where().children()) if (p.containsAggregate()) having.add(p);
        if (!aggregate && having.isEmpty()) return;
        List<Expression> keys = groupKeys(columns);
        if (!keys.isEmpty()) {
            out.sql(" GROUP BY ");
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) out.sql(", ");
                keys.get(i).render(out);
            }
        }
        if (!having.isEmpty()) {
            out.sql(" HAVING ");
            new WhereNode(io.djorm.core.Q.Connector.AND, false, having).render(out, false);
        }
    }

    private List<Expression> groupKeys(List<Expression> columns) {
        List<Expression> keys = new ArrayList<>();
        if (query.groupByNames() != null) {
            for (String name : query.groupByNames()) {
                Expression e = query.annotation(name) != null ? query.annotation(name) : query.field(name);
                if (!e.containsAggregate()) keys.add(e);
            }
            return keys;
        }
        if (query.mode() != Query.Mode.MODELS) keys.add(new Col(query.baseAlias(), query.model().pk()));
        for (Expression e : columns) {
            if (!e.containsAggregate() && !e.containsOverClause() && !keys.contains(e)) keys.add(e);
        }
        return keys;
    }

    private void orderBy(SqlBuffer out, List<OrderBy> ordering, List<String> selectedNames) {
        if (query.randomOrder()) {
            out.sql(" ORDER BY ").sql(dialect.randomOrdering());
            return;
        }
        if (ordering.isEmpty()) return;
        out.sql(" ORDER BY ");
        for (int i = 0; i < ordering.size(); i++) {
            if (i > 0) out.sql(", ");
            OrderBy o = ordering.get(i);
            // An annotation is ordered by its alias when selected, else by its expression (Django's rule:
            // values() may leave it out of the SELECT, and an unknown alias would sort by a string constant).
            if (o.expression() instanceof Query.AnnotationRef ref && !selectedNames.contains(ref.name())) {
                ref.target().render(out);
            } else {
                o.expression().render(out);
            }
            out.sql(o.descending() ? " DESC" : " ASC");
            if (o.placeNullsFirst() != null) out.sql(o.placeNullsFirst() ? " NULLS FIRST" : " NULLS LAST");
        }
    }

    /** {@code SELECT COUNT(*)} of the query's rows. */
    public SqlBuffer count() {
        SqlBuffer out = new SqlBuffer(dialect);
        // Only an annotation can make a selected column an aggregate (fields and their transforms never
        // are), so this asks the annotations instead of building every selected column to ask them.
        boolean grouped = query.hasAggregateAnnotation() || query.combination() != null;
        if (query.distinct() || query.isSliced() || grouped) {
            out.sql("SELECT COUNT(*) FROM (").append(select()).sql(") subquery");
            return out;
        }
        out.sql("SELECT COUNT(*)");
        from(out);
        where(out);
        return out;
    }

    /** {@code SELECT 1 ... LIMIT 1}: whether any row matches. */
    public SqlBuffer exists() {
        SqlBuffer out = new SqlBuffer(dialect);
        if (query.isSliced() || query.distinct() || query.combination() != null || query.hasAggregateAnnotation()) {
            out.sql("SELECT 1 FROM (").append(select()).sql(") subquery LIMIT 1");
            return out;
        }
        out.sql("SELECT 1");
        from(out);
        where(out);
        out.sql(" LIMIT 1");
        return out;
    }

    /** One column (the single values() name, else the primary key), for {@code IN (subquery)}. */
    public SqlBuffer singleColumnSelect() {
        // One values() column may be an annotation that groups (Sum per author): the full SELECT does that.
        if (query.mode() != Query.Mode.MODELS && query.valueNames().size() == 1) return select();
        SqlBuffer out = new SqlBuffer(dialect);
        Expression column = query.mode() != Query.Mode.MODELS && query.valueNames().size() == 1
                ? query.valueExpressions().get(0) : new Col(query.baseAlias(), query.model().pk());
        out.sql(query.distinct() ? "SELECT DISTINCT " : "SELECT ");
        column.render(out);
        from(out);
        where(out);
        if (query.isSliced()) {
            orderBy(out, effectiveOrdering(), List.of());
            out.sql(dialect.limitOffset(query.limit(), query.offset()));
        }
        return out;
    }

    /** Whether {@code aggregate()} must read the query as a subquery: it groups, slices, combines or is distinct. */
    public static boolean aggregatesOverSubquery(Query query) {
        return query.distinct() || query.isSliced() || query.hasAggregateAnnotation() || query.combination() != null
                || query.annotations().values().stream().anyMatch(Expression::containsOverClause);
    }

    /**
     * {@code SELECT agg AS name, ...} of {@code aggregate()}: over the matching rows, or over the query's
     * own SELECT as {@code subquery} when {@link #aggregatesOverSubquery} (the aggregates were resolved
     * against that subquery's columns then).
     */
    public SqlBuffer aggregate(Map<String, Expression> aggregates) {
        SqlBuffer out = new SqlBuffer(dialect);
        out.sql("SELECT ");
        int i = 0;
        for (var e : aggregates.entrySet()) {
            if (i++ > 0) out.sql(", ");
            e.getValue().render(out);
            out.sql(" AS ").identifier(e.getKey());
        }
        if (aggregatesOverSubquery(query)) {
            out.sql(" FROM (").append(select()).sql(") subquery");
        } else {
            from(out);
            where(out);
        }
        return out;
    }

    /** {@code part UNION [ALL] part ...} (or INTERSECT / EXCEPT), then the combined ordering and slice. */
    private SqlBuffer combinedSelect() {
        Query.Combination c = query.combination();
        SqlBuffer out = new SqlBuffer(dialect);
        for (int i = 0; i < c.parts().size(); i++) {
            if (i > 0) out.sql(" " + c.operator() + (c.all() ? " ALL " : " "));
            out.append(combinedPart(c.parts().get(i), i == 0));
        }
        if (query.randomOrder()) {
            out.sql(" ORDER BY ").sql(dialect.randomOrdering());
        } else if (!effectiveOrdering().isEmpty()) {
            out.sql(" ORDER BY ");
            List<OrderBy> ordering = effectiveOrdering();
            for (int i = 0; i < ordering.size(); i++) {
                OrderBy o = ordering.get(i);
                if (i > 0) out.sql(", ");
                out.sql(String.valueOf(combinedPosition(o.expression()) + 1)).sql(o.descending() ? " DESC" : " ASC");
                if (o.placeNullsFirst() != null) out.sql(o.placeNullsFirst() ? " NULLS FIRST" : " NULLS LAST");
            }
        }
        out.sql(dialect.limitOffset(query.limit(), query.offset()));
        return out;
    }

    /** A part without its own ORDER BY (compound SELECTs allow none), wrapped when it is sliced or nested. */
    private SqlBuffer combinedPart(Query part, boolean first) {
        if (part.isSliced() || part.combination() != null && !first) {
            return new SqlBuffer(dialect).sql("SELECT * FROM (").append(new SqlCompiler(part, dialect).select()).sql(")");
        }
        Query unordered = part.copy();
        unordered.setOrdering(List.of());
        return new SqlCompiler(unordered, dialect).select();
    }

    /** The result column an ORDER BY term of a combined query names: compound SELECTs order by position. */
    private int combinedPosition(Expression term) {
        List<Expression> columns = selectedExpressions();
        List<String> names = columnNames();
        for (int i = 0; i < columns.size(); i++) {
            if (term instanceof Query.AnnotationRef ref && names.get(i).equals(ref.name())) return i;
            if (term instanceof Col c && columns.get(i) instanceof Col col && col.field().column().equals(c.field().column())) {
                return i;
            }
        }
        throw new io.djorm.core.FieldError("Cannot order the combined query by " + term + ": it is not one of the "
                + "selected columns " + names + ". Order by a selected field or annotation.");
    }

    /** {@code UPDATE ... SET ... WHERE ...}; joined filters become {@code pk IN (subquery)}. */
    public SqlBuffer update(Map<FieldMeta, Expression> assignments) {
        SqlBuffer out = new SqlBuffer(dialect);
        out.sql("UPDATE ").identifier(query.model().dbTable()).sql(" SET ");
        int i = 0;
        for (var e : assignments.entrySet()) {
            if (i++ > 0) out.sql(", ");
            out.identifier(e.getKey().column()).sql(" = ");
            e.getValue().render(out);
        }
        restrictTo(out);
        return out;
    }

    /** {@code DELETE FROM ... WHERE ...}. */
    public SqlBuffer delete() {
        SqlBuffer out = new SqlBuffer(dialect);
        out.sql("DELETE FROM ").identifier(query.model().dbTable());
        restrictTo(out);
        return out;
    }

    private void restrictTo(SqlBuffer out) {
        if (query.isEmpty()) {
            out.sql(" WHERE 0 = 1");
        } else if (query.hasJoins() || query.isSliced()) {
            out.sql(" WHERE ").identifier(query.model().pk().column()).sql(" IN (").append(singleColumnSelect()).sql(")");
        } else {
            where(out);
        }
    }
}
