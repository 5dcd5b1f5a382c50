package io.djorm.vector.internal;

/**
 * The text form of vectors, {@code '[1, -2.5, 3e-4]'}, read and written the way Turso's
 * {@code vector32()} and {@code vector_extract()} do it, so that a local SQLite file and a libSQL server
 * give the same answers.
 *
 * <p>Reading: surrounding whitespace is ignored; the text must start with {@code [} and end with
 * {@code ]}; elements are separated by commas and may carry whitespace; each element is a decimal
 * number ({@code 1}, {@code -2.5}, {@code .5}, {@code 5.}, {@code 1e-3}) that must be finite in the
 * target precision; {@code []} is the empty vector.
 *
 * <p>Writing: {@code [} elements joined by {@code ,} with no spaces {@code ]}, each in its shortest
 * round-trip decimal form (see {@link ShortestDecimal}).
 */
public final class VectorText {
    private static final int QUOTE_LIMIT = 60;

    private VectorText() {
    }

    /** Parses vector text into its serialized blob in the given format. */
    public static byte[] parse(String text, VectorFormat format) {
        int start = 0;
        int end = text.length();
        while (start < end && isWhitespace(text.charAt(start))) start++;
        while (end > start && isWhitespace(text.charAt(end - 1))) end--;
        if (end - start < 2 || text.charAt(start) != '[' || text.charAt(end - 1) != ']') {
            throw invalid(text, "it must be written in brackets, like '[1, 2.5, -3]'");
        }
        int innerStart = start + 1;
        int innerEnd = end - 1;
        int dims = isBlank(text, innerStart, innerEnd) ? 0 : 1;
        for (int i = innerStart; i < innerEnd; i++) {
            if (text.charAt(i) == ',') dims++;
        }
        byte[] out = new byte[format.blobLength(dims)];
        int tokenStart = innerStart;
        for (int index = 0; index < dims; index++) {
            int tokenEnd = text.indexOf(',', tokenStart);
            if (tokenEnd < 0 || tokenEnd > innerEnd) tokenEnd = innerEnd;
            String token = trimmed(text, tokenStart, tokenEnd);
            store(out, index, parseElement(text, token, index, format), format);
            tokenStart = tokenEnd + 1;
        }
        if (format.marked()) out[out.length - 1] = (byte) format.typeByte();
        return out;
    }

    private static double parseElement(String text, String token, int index, VectorFormat format) {
        if (!isDecimal(token)) {
            throw invalid(text, "element " + (index + 1) + " ('" + token + "') is not a decimal number");
        }
        double value = format == VectorFormat.F32 ? Float.parseFloat(token) : Double.parseDouble(token);
        if (Double.isInfinite(value)) {
            throw invalid(text, "element " + (index + 1) + " (" + token + ") is too large for " + format + " ("
                    + (format == VectorFormat.F32 ? "max 3.4028235e38" : "max 1.7976931348623157e308") + ")");
        }
        return value;
    }

    private static void store(byte[] out, int index, double value, VectorFormat format) {
        if (format == VectorFormat.F32) {
            LittleEndian.putFloat(out, index * Float.BYTES, (float) value);
        } else {
            LittleEndian.putDouble(out, index * Double.BYTES, value);
        }
    }

    /** Writes a vector as text: {@code [1,2.5,-3]}. */
    public static String format(VectorView vector) {
        StringBuilder sb = new StringBuilder(2 + vector.dims() * 12);
        sb.append('[');
        for (int i = 0; i < vector.dims(); i++) {
            if (i > 0) sb.append(',');
            if (vector.format() == VectorFormat.F32) {
                sb.append(ShortestDecimal.of((float) vector.get(i)));
            } else {
                sb.append(ShortestDecimal.of(vector.get(i)));
            }
        }
        return sb.append(']').toString();
    }

    /**
     * Whether a token is a plain decimal number: an optional sign, digits with an optional point (at
     * least one digit on either side), and an optional exponent. Java's own parser also takes hex,
     * {@code NaN}, {@code Infinity} and type suffixes such as {@code 1f}, which libSQL refuses.
     */
    static boolean isDecimal(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) { i++; digits++; }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) { i++; digits++; }
        }
        if (digits == 0) return false;
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
            int exponentDigits = 0;
            while (i < n && isDigit(s.charAt(i))) { i++; exponentDigits++; }
            if (exponentDigits == 0) return false;
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Unicode White_Space, as Rust's {@code str::trim} sees it (Java's {@code strip} misses U+00A0 and others). */
    static boolean isWhitespace(char c) {
        return (c >= '\t' && c <= '\r') || c == ' ' || c == '\u0085' || c == '\u00a0' || c == '\u1680'
                || (c >= '\u2000' && c <= '\u200a') || c == '\u2028' || c == '\u2029' || c == '\u202f'
                || c == '\u205f' || c == '\u3000';
    }

    private static boolean isBlank(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isWhitespace(s.charAt(i))) return false;
        }
        return true;
    }

    private static String trimmed(String s, int from, int to) {
        while (from < to && isWhitespace(s.charAt(from))) from++;
        while (to > from && isWhitespace(s.charAt(to - 1))) to--;
        return s.substring(from, to);
    }

    private static InvalidVectorException invalid(String text, String problem) {
        String shown = text.length() > QUOTE_LIMIT ? text.substring(0, QUOTE_LIMIT) + "..." : text;
        return new InvalidVectorException("invalid vector text '" + shown + "': " + problem);
    }
}
