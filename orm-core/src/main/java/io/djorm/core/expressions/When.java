package io.djorm.core.expressions;

import io.djorm.core.Q;
import java.util.Objects;

/**
 * One branch of a {@link Case}: a condition and the value it gives (Django: {@code When}). As in
 * Django, a String result is a field name; wrap literal text in {@link Value#of(Object)}.
 */
public final class When {
    private final Q condition;
    private final Expression then;

    /** {@code WHEN condition THEN then}. */
    public When(Q condition, Object then) {
        this.condition = Objects.requireNonNull(condition, "condition");
        this.then = Func.argument(then);
    }

    /** {@code WHEN lookup = value THEN then}, for the common one-lookup case. */
    public When(String lookup, Object value, Object then) {
        this(Q.of(lookup, value), then);
    }

    /** The condition. */
    public Q condition() {
        return condition;
    }

    /** The result. */
    public Expression then() {
        return then;
    }

    @Override
    public String toString() {
        return "When(" + condition + ", then=" + then + ")";
    }
}
