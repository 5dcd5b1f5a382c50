package io.djorm.core.expressions;

/**
 * A frame of rows counted from the current one (Django: {@code RowRange}, SQL {@code ROWS BETWEEN}):
 * {@code new RowRange(-1, 1)} is the previous, current and next row; {@code new RowRange(null, 0)} all
 * rows up to the current one.
 */
public final class RowRange extends WindowFrame {
    /** From {@code start} (negative, 0 or null = unbounded) to {@code end} (positive, 0 or null = unbounded) rows. */
    public RowRange(Integer start, Integer end) {
        super("ROWS", start, end);
    }
}
