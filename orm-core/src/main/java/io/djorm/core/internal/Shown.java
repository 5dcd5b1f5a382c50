package io.djorm.core.internal;

/** Renders user values inside messages: quoted, cut when long, invisible characters escaped as Java does ({@code \\u0000}). */
public final class Shown {
    private static final int MAX = 60;

    private Shown() {
    }

    /** {@code 'text'} with control characters and lone surrogates escaped, at most 60 characters shown. */
    public static String text(String s) {
        if (s == null) return "null";
        StringBuilder out = new StringBuilder("'");
        int shown = 0;
        for (int i = 0; i < s.length(); i++, shown++) {
            if (shown == MAX) return out.append("...'").toString();
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('\'').toString();
    }

    /** A value for a message: strings as {@link #text(String)}, anything else as {@code String.valueOf}. */
    public static String value(Object v) {
        return v instanceof String s ? text(s) : String.valueOf(v);
    }
}
