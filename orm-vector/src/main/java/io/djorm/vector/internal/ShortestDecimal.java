package io.djorm.vector.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.function.Predicate;

/**
 * The shortest decimal that reads back as the same float or double, written without an exponent:
 * {@code 1}, {@code 0.1}, {@code 0.0000001}, {@code 100000000000000000000}, {@code -0}, {@code NaN},
 * {@code inf}, {@code -inf}. This is how Turso's {@code vector_extract()} prints elements (Rust's
 * {@code Display}). Java 17's {@code Float.toString} reads back but is not always shortest and uses
 * exponents, so the digits are searched here: the fewest significant digits whose nearest float is the
 * value, preferring the candidate closest to it and, between two equally close, the larger magnitude.
 */
public final class ShortestDecimal {

    private ShortestDecimal() {
    }

    /** A float in shortest round-trip form. */
    public static String of(float value) {
        if (Float.isNaN(value)) return "NaN";
        if (Float.isInfinite(value)) return value > 0 ? "inf" : "-inf";
        String sign = Float.floatToRawIntBits(value) < 0 ? "-" : "";
        float magnitude = Math.abs(value);
        if (magnitude == 0) return sign + "0";
        return sign + shortest(new BigDecimal(magnitude), Float.toString(magnitude),
                decimal -> Float.parseFloat(decimal) == magnitude);
    }

    /** A double in shortest round-trip form. */
    public static String of(double value) {
        if (Double.isNaN(value)) return "NaN";
        if (Double.isInfinite(value)) return value > 0 ? "inf" : "-inf";
        String sign = Double.doubleToRawLongBits(value) < 0 ? "-" : "";
        double magnitude = Math.abs(value);
        if (magnitude == 0) return sign + "0";
        return sign + shortest(new BigDecimal(magnitude), Double.toString(magnitude),
                decimal -> Double.parseDouble(decimal) == magnitude);
    }

    /**
     * Searches down from the length of Java's own (round-trip) rendering. If some decimal of n digits
     * reads back, one of n+1 digits does too, so the first length that fails ends the search: usually
     * after one or two tries.
     */
    private static String shortest(BigDecimal exact, String javaText, Predicate<String> readsBack) {
        int digits = new BigDecimal(javaText).stripTrailingZeros().precision();
        BigDecimal best = readingBack(exact, digits, readsBack);
        if (best == null) {
            throw new IllegalStateException("no " + digits + "-digit decimal reads back as " + javaText);
        }
        for (int fewer = digits - 1; fewer >= 1; fewer--) {
            BigDecimal shorter = readingBack(exact, fewer, readsBack);
            if (shorter == null) break;
            best = shorter;
        }
        return best.stripTrailingZeros().toPlainString();
    }

    /**
     * The decimal of this many significant digits that reads back, or null: first the nearest one (a
     * tie goes up, as in Rust), then the neighbour on the other side, since next to a power of two the
     * rounding interval is lopsided and only the farther one may read back.
     */
    private static BigDecimal readingBack(BigDecimal exact, int digits, Predicate<String> readsBack) {
        BigDecimal nearest = exact.round(new MathContext(digits, RoundingMode.HALF_UP));
        if (readsBack.test(nearest.toString())) return nearest;
        int side = nearest.compareTo(exact);
        if (side == 0) return null;
        BigDecimal other = exact.round(new MathContext(digits, side > 0 ? RoundingMode.FLOOR : RoundingMode.CEILING));
        return readsBack.test(other.toString()) ? other : null;
    }
}
