package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;
import java.util.Objects;

/**
 * An expression with an explicit result type (Django: {@code ExpressionWrapper}): the SQL is unchanged;
 * only the way the value is read back differs. Use it where the type cannot be worked out.
 */
public final class ExpressionWrapper implements Expression {
    private final Expression expression;
    private final FieldMeta outputField;

    /** Wraps {@code expression}, whose values read as {@code outputField} (see {@link OutputFields}). */
    public ExpressionWrapper(Expression expression, FieldMeta outputField) {
        this.expression = Objects.requireNonNull(expression, "expression");
        this.outputField = Objects.requireNonNull(outputField, "outputField");
    }

    @Override
    public Expression resolve(Resolver resolver) {
        return new ExpressionWrapper(expression.resolve(resolver), outputField);
    }

    @Override
    public void render(SqlWriter out) {
        expression.render(out);
    }

    @Override
    public FieldMeta outputField() {
        return outputField;
    }

    @Override
    public boolean containsAggregate() {
        return expression.containsAggregate();
    }

    @Override
    public String toString() {
        return "ExpressionWrapper(" + expression + ", " + outputField.type().internalType() + ")";
    }
}
