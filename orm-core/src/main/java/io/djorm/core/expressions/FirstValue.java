package io.djorm.core.expressions;

/**
 * The value of an expression at the first row of the window frame (Django: {@code FirstValue}); with
 * the default frame, the partition's first row. Needs the database's FIRST_VALUE(): a backend without
 * it raises NotSupportedError naming itself.
 */
public final class FirstValue extends FrameValue {
    /** The first row's value of a field (by name) or an expression. */
    public FirstValue(Object expression) {
        super("FIRST_VALUE", expression);
    }
}
