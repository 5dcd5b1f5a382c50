package io.djorm.core.internal.query;

import io.djorm.core.expressions.Expression;
import io.djorm.core.expressions.Resolver;
import io.djorm.core.expressions.SqlWriter;
import io.djorm.core.meta.FieldMeta;

/**
 * A resolved {@code Trunc}: a date, datetime or time cut to the start of its {@code kind}, rendered by
 * the dialect in the stored form of the output field, so that it compares with bound values.
 *
 * @param kind year, quarter, month, week, day, hour, minute or second
 * @param lhs the resolved date, datetime or time
 * @param output the field the result is read as (a DateField, DateTimeField or TimeField)
 */
public record Truncation(String kind, Expression lhs, FieldMeta output) implements Expression {
    @Override
    public Expression resolve(Resolver resolver) {
        return new Truncation(kind, lhs.resolve(resolver), output);
    }

    @Override
    public void render(SqlWriter out) {
        SqlTemplate.wrap(out, lhs, sql -> out.dialect().truncate(kind, sql, output.type().internalType()));
    }

    @Override
    public FieldMeta outputField() {
        return output;
    }

    @Override
    public boolean containsAggregate() {
        return lhs.containsAggregate();
    }
}
