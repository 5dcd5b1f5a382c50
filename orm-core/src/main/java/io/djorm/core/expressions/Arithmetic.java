package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/** {@code lhs <op> rhs} for +, -, *, / and % (Django: {@code CombinedExpression}). */
public final class Arithmetic implements Expression {
    private final Expression lhs;
    private final String operator;
    private final Expression rhs;

    Arithmetic(Expression lhs, String operator, Expression rhs) {
        this.lhs = lhs;
        this.operator = operator;
        this.rhs = rhs;
    }

    @Override
    public Expression resolve(Resolver resolver) {
        Expression l = lhs.resolve(resolver);
        Expression r = rhs.resolve(resolver);
        // A bare literal takes the other side's field so that dates and decimals convert correctly.
        if (r instanceof Value v && v.outputField() == null && l.outputField() != null && !isPlainNumber(v.value())) {
            r = v.withOutputField(l.outputField());
        }
        return new Arithmetic(l, operator, r);
    }

    private static boolean isPlainNumber(Object o) {
        return o instanceof Number && !(o instanceof java.math.BigDecimal);
    }

    @Override
    public void render(SqlWriter out) {
        out.sql("(").expression(lhs).sql(" " + operator + " ").expression(rhs).sql(")");
    }

    @Override
    public FieldMeta outputField() {
        return lhs.outputField() != null ? lhs.outputField() : rhs.outputField();
    }

    @Override
    public boolean containsAggregate() {
        return lhs.containsAggregate() || rhs.containsAggregate();
    }

    @Override
    public String toString() {
        return "(" + lhs + " " + operator + " " + rhs + ")";
    }
}
