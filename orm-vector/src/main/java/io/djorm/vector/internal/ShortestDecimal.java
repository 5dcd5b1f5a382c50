package io.djorm.vector.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The shortest decimal that reads back as the same float or double, written without an exponent:
 * {@code 1}, {@code 0.1}, {@code 0.0000001}, {@code 100000000000000000000}, {@code -0}, {@code NaN},
 * {@code inf}, {@code -inf}. This is how Turso's {@code vector_extract()} prints elements (Rust's
 * {@code Display}). Java 17's {@code Float.toString} is not always shortest and uses exponents, so the
 * digits are searched here: the fewest significant digits whose nearest float is the value, preferring
 * the candidate closest to it and, between two equally close, the larger magnitude.
 */
public final class ShortestDecimal {
    private static final int FLOAT_MAX_DIGITS = 9;
    private static final int DOUBLE_MAX_DIGITS = 17;

    private ShortestDecimal() {
    }

    /** A float in shortest round-trip form. */
    public static String of(float value) {
        if (Float.isNaN(value)) return "NaN";
        if (Float.isInfinite(value)) return value > 0 ? "inf" : "-inf";
        String sign = Float.floatToRawIntBits(value) < 0 ? "-" : "";
        float magnitude = Math.abs(value);
        if (magnitude == 0) return sign + "0";
        BigDecimal exact = new BigDecimal(magnitude);
        for (int digits = 1; digits <= FLOAT_MAX_DIGITS; digits++) {
            for (BigDecimal candidate : candidates(exact, digits)) {
                if (Float.parseFloat(candidate.toString()) == magnitude) return sign + plain(candidate);
            }
        }
        throw new AssertionError("9 significant digits always identify a float: " + value);
    }

    /** A double in shortest round-trip form. */
    public static String of(double value) {
        if (Double.isNaN(value)) return "NaN";
        if (Double.isInfinite(value)) return value > 0 ? "inf" : "-inf";
        String sign = Double.doubleToRawLongBits(value) < 0 ? "-" : "";
        double magnitude = Math.abs(value);
        if (magnitude == 0) return sign + "0";
        BigDecimal exact = new BigDecimal(magnitude);
        for (int digits = 1; digits <= DOUBLE_MAX_DIGITS; digits++) {
            for (BigDecimal candidate : candidates(exact, digits)) {
                if (Double.parseDouble(candidate.toString()) == magnitude) return sign + plain(candidate);
            }
        }
        throw new AssertionError("17 significant digits always identify a double: " + value);
    }

    /**
     * The nearest decimal with this many significant digits (a tie goes up, as in Rust), then the
     * neighbour on the other side: next to a power of two the rounding interval is lopsided, and only
     * the farther one may read back.
     */
    private static BigDecimal[] candidates(BigDecimal exact, int digits) {
        BigDecimal nearest = exact.round(new MathContext(digits, RoundingMode.HALF_UP));
        int side = nearest.compareTo(exact);
        if (side == 0) return new BigDecimal[] {nearest};
        RoundingMode other = side > 0 ? RoundingMode.FLOOR : RoundingMode.CEILING;
        return new BigDecimal[] {nearest, exact.round(new MathContext(digits, other))};
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
