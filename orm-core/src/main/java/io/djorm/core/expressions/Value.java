package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/**
 * A literal value, always sent as a bound parameter (Django: {@code Value}). Its Java value is
 * converted with the output field when one is given, else by its Java type.
 */
public final class Value implements Expression {
    private final Object value;
    private final FieldMeta outputField;
    private final boolean lookupOperand;

    private Value(Object value, FieldMeta outputField) {
        this(value, outputField, false);
    }

    private Value(Object value, FieldMeta outputField, boolean lookupOperand) {
        this.value = value;
        this.outputField = outputField;
        this.lookupOperand = lookupOperand;
    }

    /** A literal. */
    public static Value of(Object value) {
        return new Value(value, null);
    }

    /** A literal converted as the given field would convert it. */
    public static Value of(Object value, FieldMeta outputField) {
        return new Value(value, outputField);
    }

    /**
     * A literal a lookup compares with a field: converted as the field converts compared values, which
     * keeps digits that storing would round away ({@code price__lt=8.751} on a two-place decimal).
     */
    public static Value comparedWith(Object value, FieldMeta field) {
        return new Value(value, field, true);
    }

    /** The expression itself, or a literal wrapping a plain value. */
    public static Expression wrap(Object value) {
        return value instanceof Expression e ? e : new Value(value, null);
    }

    /** The Java value. */
    public Object value() {
        return value;
    }

    @Override
    public Expression resolve(Resolver resolver) {
        return this;
    }

    @Override
    public void render(SqlWriter out) {
        if (outputField != null) {
            Object coerced = outputField.type().coerce(value, outputField);
            out.param(lookupOperand ? outputField.type().toDbForLookup(coerced, outputField)
                    : outputField.type().toDb(coerced, outputField));
        } else {
            out.param(Canonical.of(value));
        }
    }

    @Override
    public FieldMeta outputField() {
        return outputField;
    }

    /** A copy converted as the given field converts values. */
    public Value withOutputField(FieldMeta field) {
        return new Value(value, field, lookupOperand);
    }

    @Override
    public String toString() {
        return "Value(" + value + ")";
    }
}
