package io.djorm.core.expressions;

/**
 * The value of an expression at the last row of the window frame (Django: {@code LastValue}); with
 * the default frame, the current row's last peer, so give a frame such as
 * {@code new RowRange(null, null)} for the partition's last row. Needs the database's LAST_VALUE(): a backend without
 * it raises NotSupportedError naming itself.
 */
public final class LastValue extends FrameValue {
    /** The last row's value of a field (by name) or an expression. */
    public LastValue(Object expression) {
        super("LAST_VALUE", expression);
    }
}
