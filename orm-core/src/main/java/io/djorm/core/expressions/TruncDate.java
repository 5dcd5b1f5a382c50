package io.djorm.core.expressions;

import io.djorm.core.FieldError;
import io.djorm.core.internal.query.Transforms;

/** The date of a datetime (Django: {@code TruncDate}); read as a LocalDate. */
public final class TruncDate implements Expression {
    private final Expression expression;

    /** The date of a DateTimeField (by name) or a datetime expression. */
    public TruncDate(Object expression) {
        this.expression = Func.argument(expression);
    }

    @Override
    public Expression resolve(Resolver resolver) {
        Expression source = expression.resolve(resolver);
        String type = source.outputField() == null ? null : source.outputField().type().internalType();
        if (type != null && !type.equals("DateTimeField")) {
            throw new FieldError("TruncDate needs a DateTimeField, but " + expression + " is a " + type + ".");
        }
        return Transforms.apply("date", source);
    }

    @Override
    public void render(SqlWriter out) {
        throw new IllegalStateException(this + " must be resolved against a query before rendering");
    }

    @Override
    public String toString() {
        return "TruncDate(" + expression + ")";
    }
}
