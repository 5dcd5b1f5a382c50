package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;
import java.util.List;
import java.util.Objects;

/**
 * A value converted to another type by the database (Django: {@code Cast}). The dialect receives the
 * expression and the target field's internal type ({@code "IntegerField"}, {@code "DateField"}, ...)
 * and picks the SQL: dates become {@code DATE(x)} on SQLite, where they are stored as text.
 */
public final class Cast extends Func {
    private final FieldMeta target;

    /** Converts a field (by name) or an expression to the type of {@code target} (see {@link OutputFields}). */
    public Cast(Object expression, FieldMeta target) {
        super("CAST", expression);
        this.target = Objects.requireNonNull(target, "target");
    }

    @Override
    protected List<?> sqlArguments() {
        return List.of(arguments().get(0), target.type().internalType());
    }

    @Override
    public FieldMeta outputField() {
        return target;
    }
}
