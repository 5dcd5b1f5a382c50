package io.djorm.core.expressions;

import io.djorm.core.ValueError;
import io.djorm.core.FieldError;
import io.djorm.core.Q;
import io.djorm.core.internal.query.SqlTemplate;
import io.djorm.core.meta.FieldMeta;
import java.util.List;
import java.util.Locale;

/**
 * A value computed over a group of rows (Django: {@code Aggregate}): in {@code aggregate()} over the
 * whole queryset, in {@code annotate()} per group. {@link #filter(Q)} counts only the rows that match,
 * portably, as {@code AGG(CASE WHEN condition THEN x END)}.
 */
public abstract class Aggregate implements Expression, Cloneable {
    private final String function;
    private Expression source;
    private final boolean distinct;
    private Q filter;
    private Expression condition;
    private boolean resolved;

    /** {@code function(source)}; a String source is a field name. */
    protected Aggregate(String function, Object source, boolean distinct) {
        this.function = function;
        this.source = Func.argument(source);
        this.distinct = distinct;
        if (distinct && !allowsDistinct()) {
            throw new ValueError(getClass().getSimpleName() + " does not allow distinct.");
        }
    }

    /** Whether {@code DISTINCT} makes sense for this aggregate. */
    protected boolean allowsDistinct() {
        return false;
    }

    /** The same aggregate over only the rows matching {@code condition} (Django: {@code filter=Q(...)}). */
    public Aggregate filter(Q condition) {
        Aggregate copy = copy();
        copy.filter = condition;
        return copy;
    }

    /** The aggregated expression. */
    public Expression source() {
        return source;
    }

    /** Whether only distinct values are aggregated. */
    public boolean distinct() {
        return distinct;
    }

    /**
     * The key {@code aggregate()} uses when none is given, as Django: {@code "pages__sum"}; null when the
     * source is not a field reference.
     */
    public String defaultAlias() {
        return source instanceof F f ? f.name() + "__" + getClass().getSimpleName().toLowerCase(Locale.ROOT) : null;
    }

    @Override
    public Expression resolve(Resolver resolver) {
        if (resolved) return this;
        Expression resolved = source.resolve(resolver);
        if (resolved.containsAggregate()) {
            throw new FieldError("Cannot compute " + this + ": " + source + " is an aggregate. Aggregate over a "
                    + "subquery instead, or aggregate() over the annotated queryset.");
        }
        checkSource(resolved);
        Aggregate copy = copy();
        copy.source = resolved;
        copy.condition = filter == null ? null : resolver.condition(filter);
        copy.resolved = true;
        return copy;
    }

    /** Rejects a source of the wrong type (Sum of text); the default accepts anything. */
    protected void checkSource(Expression resolved) {
    }

    /** Requires a numeric source: summing text or dates has no meaning in SQL (it silently gives numbers). */
    protected final void requireNumeric(Expression resolved) {
        FieldMeta f = resolved.outputField();
        if (f != null && !OutputFields.isNumeric(f) && !f.type().internalType().equals("BooleanField")) {
            throw new FieldError(getClass().getSimpleName() + " needs a number, but " + source + " is a "
                    + f.type().internalType() + ".");
        }
    }

    private Aggregate copy() {
        try {
            return (Aggregate) clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void render(SqlWriter out) {
        Expression arg = condition == null ? source : new FilteredArgument(condition, source);
        SqlTemplate.call(out, function, List.of(distinct ? new DistinctArgument(arg) : arg));
    }

    /** The field of the source, for aggregates whose result has the source's type. */
    protected final FieldMeta sourceField() {
        return source.outputField();
    }

    @Override
    public boolean containsAggregate() {
        return true;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + (distinct ? "DISTINCT " : "") + source
                + (filter == null ? "" : ", filter=" + filter) + ")";
    }

    /** {@code DISTINCT x} as an aggregate argument. */
    private record DistinctArgument(Expression argument) implements Expression {
        @Override
        public Expression resolve(Resolver resolver) {
            return this;
        }

        @Override
        public void render(SqlWriter out) {
            out.sql("DISTINCT ").expression(argument);
        }
    }

    /** {@code CASE WHEN condition THEN x ELSE NULL END}: the value only for rows that match. */
    private record FilteredArgument(Expression condition, Expression argument) implements Expression {
        @Override
        public Expression resolve(Resolver resolver) {
            return this;
        }

        @Override
        public void render(SqlWriter out) {
            out.sql("CASE WHEN ").expression(condition).sql(" THEN ")
                    .expression(argument instanceof Star ? Value.of(1) : argument).sql(" ELSE NULL END");
        }
    }

    /** {@code *} in {@code COUNT(*)}. */
    static final class Star implements Expression {
        @Override
        public Expression resolve(Resolver resolver) {
            return this;
        }

        @Override
        public void render(SqlWriter out) {
            out.sql("*");
        }

        @Override
        public String toString() {
            return "*";
        }
    }
}
