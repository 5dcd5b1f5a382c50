package io.djorm.core.expressions;

import io.djorm.core.FieldError;
import io.djorm.core.internal.query.Transforms;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A part of a date, time or datetime as an integer (Django: {@code Extract}): {@code year},
 * {@code iso_year}, {@code quarter}, {@code month}, {@code week}, {@code day}, {@code week_day} (1 =
 * Sunday), {@code iso_week_day} (1 = Monday), {@code hour}, {@code minute}, {@code second}.
 */
public final class Extract implements Expression {
    private final Expression expression;
    private final String part;

    /** The {@code part} of a field (by name) or an expression. */
    public Extract(Object expression, String part) {
        this.expression = Func.argument(expression);
        this.part = part.toLowerCase(Locale.ROOT);
        if (!Transforms.DATE_PARTS.contains(this.part)) {
            throw new FieldError("Extract has no part '" + part + "'. Use one of "
                    + String.join(", ", new TreeSet<>(Transforms.DATE_PARTS)) + ".");
        }
    }

    @Override
    public Expression resolve(Resolver resolver) {
        Expression source = expression.resolve(resolver);
        if (source.outputField() != null && !OutputFields.isTemporal(source.outputField())) {
            throw new FieldError("Extract('" + part + "') needs a DateField, DateTimeField or TimeField, but " + expression
                    + " is a " + source.outputField().type().internalType() + ".");
        }
        return Transforms.apply(part, source);
    }

    @Override
    public void render(SqlWriter out) {
        throw new IllegalStateException(this + " must be resolved against a query before rendering");
    }

    @Override
    public String toString() {
        return "Extract(" + expression + ", " + part + ")";
    }
}
