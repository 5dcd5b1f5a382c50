package io.djorm.core.expressions;

/** The smallest whole number not below a number (Django: {@code Ceil}), of the number's type; NULL for NULL. */
public final class Ceil extends Func {
    /** The ceiling of a field (by name) or an expression. */
    public Ceil(Object expression) {
        super("CEIL", expression);
    }
}
