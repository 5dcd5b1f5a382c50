package io.djorm.core.internal.fields;

/** Checks that a Java string can travel to a database as UTF-8 without being changed. */
public final class TextValues {
    private TextValues() {
    }

    /**
     * Why the string cannot be encoded as UTF-8 (a lone surrogate, which drivers replace with '?' or
     * servers reject), or null when it can.
     */
    public static String surrogateProblem(String s) {
        int first = firstSurrogate(s);
        if (first < 0) return null; // the common case: every bound string passes here, one test per char
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return String.format("it holds a lone surrogate \\u%04X at index %d, which no database text can store;"
                        + " pass well-formed UTF-16 (surrogates only in high-low pairs)", (int) c, i);
            }
        }
        return null;
    }

    /**
     * Whether {@code type}'s {@code storageProblem} refuses every lone surrogate of the string its
     * {@code toDb} gives: the text kinds scan the very string they store (their {@code toDb} and
     * {@code storageProblem} are final).
     */
    public static boolean scannedByStorageProblem(io.djorm.core.meta.FieldType type) {
        return type instanceof TextualType;
    }

    private static int firstSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            if ((s.charAt(i) & 0xF800) == 0xD800) return i; // U+D800..U+DFFF
        }
        return -1;
    }
}
