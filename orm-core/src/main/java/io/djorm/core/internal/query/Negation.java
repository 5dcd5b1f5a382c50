package io.djorm.core.internal.query;

import io.djorm.core.expressions.Expression;
import io.djorm.core.expressions.OutputFields;
import io.djorm.core.expressions.Resolver;
import io.djorm.core.expressions.SqlWriter;
import io.djorm.core.meta.FieldMeta;

/**
 * {@code NOT (condition)} for a resolved boolean expression (Django: {@code ~Exists(...)}); usable
 * in WHERE and, read as a Boolean, as an annotation.
 *
 * @param condition the resolved boolean expression
 */
public record Negation(Expression condition) implements Expression {
    @Override
    public Expression resolve(Resolver resolver) {
        return new Negation(condition.resolve(resolver));
    }

    @Override
    public void render(SqlWriter out) {
        out.sql("NOT (").expression(condition).sql(")");
    }

    @Override
    public FieldMeta outputField() {
        return OutputFields.BOOLEAN;
    }

    @Override
    public boolean containsAggregate() {
        return condition.containsAggregate();
    }
}
