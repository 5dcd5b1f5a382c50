package io.djorm.core.expressions;

import io.djorm.core.FieldError;
import io.djorm.core.meta.FieldMeta;
import java.util.ArrayList;
import java.util.List;

/**
 * A function computed over a window of related rows without grouping them (Django: {@code Window}):
 * {@code new Window(new Rank()).partitionBy("format").orderBy("-pages")}, or an aggregate such as
 * {@code new Window(new Sum("pages")).partitionBy("format").orderBy("pages")} for a running total.
 */
public final class Window implements Expression {
    private final Expression function;
    private final List<Expression> partitionBy;
    private final List<Object> orderTerms;
    private final List<OrderBy> orderBy;
    private final WindowFrame frame;

    /** A window over all rows, in no particular order, of an aggregate or a {@link WindowFunction}. */
    public Window(Expression function) {
        this(function, List.of(), List.of(), null, null);
        if (!(function instanceof Aggregate) && !(function instanceof WindowFunction)) {
            throw new FieldError("Window needs an aggregate (Sum, Count, ...) or a window function (RowNumber, Rank, ...), "
                    + "not " + function + ".");
        }
    }

    private Window(Expression function, List<Expression> partitionBy, List<Object> orderTerms, List<OrderBy> orderBy,
            WindowFrame frame) {
        this.function = function;
        this.partitionBy = partitionBy;
        this.orderTerms = orderTerms;
        this.orderBy = orderBy;
        this.frame = frame;
    }

    /** The same window split into partitions by fields (by name) or expressions. */
    public Window partitionBy(Object... expressions) {
        List<Expression> list = new ArrayList<>();
        for (Object e : expressions) list.add(Func.argument(e));
        return new Window(function, List.copyOf(list), orderTerms, orderBy, frame);
    }

    /** The same window ordered by fields ({@code "pages"}, {@code "-pages"}) or expressions / {@link OrderBy}s. */
    public Window orderBy(Object... terms) {
        return new Window(function, partitionBy, List.of(terms), orderBy, frame);
    }

    /**
     * The same window over a frame of rows around the current one (Django: {@code frame=}):
     * {@code new RowRange(-2, 0)}, {@code new ValueRange(null, 0)}. Aggregates and {@link FirstValue},
     * {@link LastValue} and {@link NthValue} use it; ranking functions, Lag and Lead ignore it, as SQL does.
     */
    public Window frame(WindowFrame newFrame) {
        return new Window(function, partitionBy, orderTerms, orderBy, newFrame);
    }

    @Override
    public Expression resolve(Resolver resolver) {
        Expression f = function instanceof WindowFunction w ? w.resolveInWindow(resolver) : function.resolve(resolver);
        List<Expression> partitions = new ArrayList<>();
        for (Expression e : partitionBy) partitions.add(e.resolve(resolver));
        List<OrderBy> order = new ArrayList<>();
        for (Object term : orderTerms) order.add(orderTerm(term, resolver));
        return new Window(f, List.copyOf(partitions), orderTerms, List.copyOf(order), frame);
    }

    private static OrderBy orderTerm(Object term, Resolver resolver) {
        if (term instanceof OrderBy o) return new OrderBy(o.expression().resolve(resolver), o.descending(), o.placeNullsFirst());
        if (term instanceof String s) {
            boolean desc = s.startsWith("-");
            return new OrderBy(F.of(desc ? s.substring(1) : s).resolve(resolver), desc, null);
        }
        if (term instanceof Expression e) return new OrderBy(e.resolve(resolver), false, null);
        throw new FieldError("Window.orderBy takes field names (\"-pages\") or expressions, not " + term + ".");
    }

    @Override
    public void render(SqlWriter out) {
        if (orderBy == null) throw new IllegalStateException(this + " must be resolved against a query before rendering");
        if (function instanceof WindowFunction w && (frame == null || !w.usesFrame())) {
            w.renderOver(out, partitionBy, orderBy);
        } else {
            out.expression(function).sql(" ");
            renderOverClause(out, partitionBy, orderBy, frame);
        }
    }

    /** {@code OVER (PARTITION BY ... ORDER BY ...)}. */
    static void renderOverClause(SqlWriter out, List<Expression> partitionBy, List<OrderBy> orderBy) {
        renderOverClause(out, partitionBy, orderBy, null);
    }

    /** {@code OVER (PARTITION BY ... ORDER BY ... ROWS|RANGE BETWEEN ...)}; the dialect writes the frame. */
    static void renderOverClause(SqlWriter out, List<Expression> partitionBy, List<OrderBy> orderBy, WindowFrame frame) {
        out.sql("OVER (");
        if (!partitionBy.isEmpty()) {
            out.sql("PARTITION BY ");
            for (int i = 0; i < partitionBy.size(); i++) {
                if (i > 0) out.sql(", ");
                out.expression(partitionBy.get(i));
            }
        }
        if (!orderBy.isEmpty()) {
            out.sql(partitionBy.isEmpty() ? "ORDER BY " : " ORDER BY ");
            for (int i = 0; i < orderBy.size(); i++) {
                OrderBy o = orderBy.get(i);
                if (i > 0) out.sql(", ");
                out.expression(o.expression()).sql(o.descending() ? " DESC" : " ASC");
                if (o.placeNullsFirst() != null) out.sql(o.placeNullsFirst() ? " NULLS FIRST" : " NULLS LAST");
            }
        }
        if (frame != null) {
            out.sql(partitionBy.isEmpty() && orderBy.isEmpty() ? "" : " ")
                    .sql(out.dialect().windowFrame(frame.mode(), frame.startSql(), frame.endSql()));
        }
        out.sql(")");
    }

    @Override
    public FieldMeta outputField() {
        return function.outputField();
    }

    @Override
    public boolean containsOverClause() {
        return true;
    }

    @Override
    public String toString() {
        return "Window(" + function + ", partitionBy=" + partitionBy + ", orderBy=" + orderTerms
                + (frame == null ? "" : ", frame=" + frame) + ")";
    }
}
