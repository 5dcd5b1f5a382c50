package io.djorm.core.expressions;

/**
 * A frame of the rows whose ordering value lies within a distance of the current row's (Django:
 * {@code ValueRange}, SQL {@code RANGE BETWEEN}); needs a window ordered by one number when the
 * bounds are numbers. {@code new ValueRange(null, 0)} is the default frame: every row up to the current
 * row's last peer.
 */
public final class ValueRange extends WindowFrame {
    /** From {@code start} (negative, 0 or null = unbounded) to {@code end} (positive, 0 or null = unbounded) in value. */
    public ValueRange(Integer start, Integer end) {
        super("RANGE", start, end);
    }
}
