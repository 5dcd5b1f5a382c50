package io.djorm.libsql.internal.hrana;

/**
 * Writes a double that has a short exact decimal form (a price of 12.5, a count of 3.0) as digits straight
 * into the request's bytes. {@code Double.toString} on Java 17 costs a buffer, a String and its bytes per
 * value, a tenth of a thousand-row insert's allocation, for text the server only parses back.
 *
 * <p>The text is exact: a value is written as {@code m / 10^k} only when {@code m} is an integer (below
 * 10^11, so an exact double) and dividing it by {@code 10^k} gives the value back. Both numbers are exact
 * doubles, so that division is correctly rounded, as is a JSON reader's parse of the decimal: the text reads
 * as the same double, on the fast path of any reader (a mantissa of at most 53 bits and a small power of
 * ten). Only values that {@code Double.toString} writes without an exponent (0, and 10^-3 up to 10^7) are
 * taken, and it writes them with the same digits: the shortest decimal that reads back as the value.
 */
final class ShortDecimals {
    /** The most digits after the point tried; beyond that the value is left to {@code Double.toString}. */
    private static final int MAX_FRACTION_DIGITS = 4;
    private static final double[] POWERS = {1, 10, 100, 1_000, 10_000};
    private static final long[] LONG_POWERS = {1, 10, 100, 1_000, 10_000};
    /** The longest text written: a sign, 7 digits (below 10^7), the point and the fraction's digits. */
    private static final int MAX_CHARS = 1 + 7 + 1 + MAX_FRACTION_DIGITS;

    private ShortDecimals() {
    }

    /** Writes a finite {@code d} as {@code [-]digits.digits} and answers true, or writes nothing and answers false. */
    static boolean write(SegmentWriter out, double d) {
        double magnitude = Math.abs(d);
        if (magnitude >= 1e7 || (magnitude < 1e-3 && magnitude != 0)) return false; // Double.toString's exponent form
        long integral = (long) magnitude;
        if (integral == magnitude) { // a whole number, told without the division the fractions below need
            out.reserve(MAX_CHARS);
            if (Double.doubleToRawLongBits(d) < 0) out.put('-'); // also -0.0, as Double.toString writes it
            out.putDecimal(integral);
            out.put('.');
            out.put('0');
            return true;
        }
        for (int k = 1; k <= MAX_FRACTION_DIGITS; k++) {
            // Rounded: the product can miss the integer by a rounding (2.01 * 100 is 200.99999999999997). Adding
            // a half and truncating rounds any product that close to an integer to it, as Math.round does, and
            // costs less; the check that follows is what makes the text exact.
            long m = (long) (magnitude * POWERS[k] + 0.5);
            if (m / POWERS[k] != magnitude) continue;
            // By constants, which compile to multiplications: a division by a power looked up costs many cycles.
            long whole = switch (k) {
                case 1 -> m / 10;
                case 2 -> m / 100;
                case 3 -> m / 1_000;
                default -> m / 10_000;
            };
            out.reserve(MAX_CHARS);
            if (Double.doubleToRawLongBits(d) < 0) out.put('-');
            out.putDecimal(whole);
            out.put('.');
            out.putDigits(m - whole * LONG_POWERS[k], k);
            return true;
        }
        return false;
    }
}
