package io.djorm.core.expressions;

import io.djorm.core.ValueError;
import io.djorm.core.meta.FieldMeta;
import java.util.ArrayList;
import java.util.List;

/**
 * A conditional value (Django: {@code Case}): the result of the first {@link When} whose condition
 * holds, else the default (NULL unless {@link #otherwise(Object)} sets one).
 *
 * <pre>{@code new Case(new When(Q.of("pages__gt", 500), Value.of("long"))).otherwise(Value.of("short"))}</pre>
 */
public final class Case implements Expression {
    private final List<When> whens;
    private final Expression otherwise;
    private final List<Expression> conditions;
    private final List<Expression> results;

    /** A CASE with one or more branches and a NULL default. */
    public Case(When... whens) {
        this(List.of(whens), Value.of(null), null, null);
        if (whens.length == 0) throw new ValueError("Case needs at least one When.");
    }

    private Case(List<When> whens, Expression otherwise, List<Expression> conditions, List<Expression> results) {
        this.whens = whens;
        this.otherwise = otherwise;
        this.conditions = conditions;
        this.results = results;
    }

    /** The same CASE with a default result (a String is a field name, as in Django). */
    public Case otherwise(Object value) {
        return new Case(whens, Func.argument(value), conditions, results);
    }

    @Override
    public Expression resolve(Resolver resolver) {
        List<Expression> conds = new ArrayList<>();
        List<Expression> thens = new ArrayList<>();
        for (When w : whens) {
            conds.add(resolver.condition(w.condition()));
            thens.add(w.then().resolve(resolver));
        }
        Case resolved = new Case(whens, otherwise.resolve(resolver), conds, thens);
        resolved.outputField(); // mixed result types fail now
        return resolved;
    }

    @Override
    public void render(SqlWriter out) {
        if (conditions == null) throw new IllegalStateException(this + " must be resolved against a query before rendering");
        out.sql("CASE");
        for (int i = 0; i < conditions.size(); i++) {
            out.sql(" WHEN ").expression(conditions.get(i)).sql(" THEN ").expression(results.get(i));
        }
        out.sql(" ELSE ").expression(otherwise).sql(" END");
    }

    @Override
    public FieldMeta outputField() {
        List<Expression> all = new ArrayList<>(results == null ? whens.stream().map(When::then).toList() : results);
        all.add(otherwise);
        return OutputFields.common("", this, all);
    }

    @Override
    public boolean containsAggregate() {
        if (conditions == null) return false;
        return conditions.stream().anyMatch(Expression::containsAggregate)
                || results.stream().anyMatch(Expression::containsAggregate) || otherwise.containsAggregate();
    }

    @Override
    public String toString() {
        return "Case(" + whens + ", otherwise=" + otherwise + ")";
    }
}
