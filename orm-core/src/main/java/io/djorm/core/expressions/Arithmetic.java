package io.djorm.core.expressions;

import io.djorm.core.FieldError;
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
        checkOperands(l, r);
        return new Arithmetic(l, operator, r);
    }

    /** Rejects text and date operands: SQL would silently treat them as numbers (the SQLite family keeps dates as text). */
    private void checkOperands(Expression l, Expression r) {
        checkOperand(l);
        checkOperand(r);
        OutputFields.common("The expression ", this, java.util.List.of(l, r));
    }

    /** One side of {@link #checkOperands}: called per side rather than looped over a list, an iterator per update(). */
    private void checkOperand(Expression side) {
        FieldMeta f = side.outputField();
        if (OutputFields.isText(f)) {
            throw new FieldError("Cannot use '" + operator + "' on the text value " + side + " in " + this
                    + ": arithmetic needs numbers. Use Concat(...) to join text.");
        }
        if (OutputFields.isTemporal(f)) {
            throw new FieldError("Cannot use '" + operator + "' on the " + f.type().internalType() + " value " + side
                    + " in " + this + ": dates are stored as ISO text in the SQLite family, so date arithmetic "
                    + "is not supported. Compare dates directly or use Extract(...)/TruncDate(...).");
        }
    }

    private static boolean isPlainNumber(Object o) {
        return o instanceof Number && !(o instanceof java.math.BigDecimal);
    }

    @Override
    public void render(SqlWriter out) {
        out.sql("(").expression(lhs).sql(" ").sql(operator).sql(" ").expression(rhs).sql(")");
    }

    @Override
    public FieldMeta outputField() {
        FieldMeta common = OutputFields.common("The expression ", this, java.util.List.of(typed(lhs), typed(rhs)));
        // A computed decimal has no scale of its own: price / pages is not rounded to price's two places.
        return OutputFields.isDecimal(common) ? OutputFields.DECIMAL : common;
    }

    /** A bare number literal takes the type of its Java value, so that {@code F("pages") * 1.5} reads as a double. */
    private static Expression typed(Expression e) {
        if (!(e instanceof Value v) || v.outputField() != null) return e;
        Object o = v.value();
        if (o instanceof Double || o instanceof Float) return v.withOutputField(OutputFields.FLOAT);
        if (o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof Byte) {
            return v.withOutputField(OutputFields.INTEGER);
        }
        return e;
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
