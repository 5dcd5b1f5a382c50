package io.djorm.core.internal.query;

/**
 * Rewrites a regular expression so that it matches without regard to case, using character classes
 * only ({@code Emma} becomes {@code [Ee][Mm][Mm][Aa]}, {@code [a-c]} becomes {@code [a-cA-C]}). Inline
 * flags such as {@code (?i)} are not understood by every engine a database may use for REGEXP (SQLite's
 * own regexp extension in libSQL servers rejects them), while character classes are; so the
 * {@code iregex} lookup with a literal pattern runs the same everywhere. Escapes ({@code \d},
 * {@code \p{Lu}}), quantifiers ({@code {2,3}}) and group headers ({@code (?:}, {@code (?P<name>}) are
 * kept as written.
 */
final class CaseInsensitivePattern {
    private CaseInsensitivePattern() {
    }

    /** The case-insensitive form of {@code pattern}. */
    static String of(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length() * 2);
        int n = pattern.length();
        int i = 0;
        while (i < n) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i = copyEscape(pattern, i, out);
            } else if (c == '[') {
                i = copyClass(pattern, i, out);
            } else if (c == '(' && i + 1 < n && pattern.charAt(i + 1) == '?') {
                i = copyGroupHeader(pattern, i, out);
            } else if (c == '{') {
                int end = pattern.indexOf('}', i);
                end = end < 0 ? n : end + 1;
                out.append(pattern, i, end);
                i = end;
            } else {
                char other = otherCase(c);
                if (other == c) out.append(c);
                else out.append('[').append(c).append(other).append(']');
                i++;
            }
        }
        return out.toString();
    }

    /** Copies {@code \x}, and {@code \p{...}}-style escapes to their closing brace. */
    private static int copyEscape(String p, int i, StringBuilder out) {
        int end = Math.min(i + 2, p.length());
        if (end < p.length() && p.charAt(end) == '{' && "pPxuN".indexOf(p.charAt(i + 1)) >= 0) {
            int close = p.indexOf('}', end);
            end = close < 0 ? p.length() : close + 1;
        }
        out.append(p, i, end);
        return end;
    }

    /** Copies a bracket class, adding the other case of each letter and letter range. */
    private static int copyClass(String p, int i, StringBuilder out) {
        int n = p.length();
        out.append('[');
        i++;
        if (i < n && p.charAt(i) == '^') out.append(p.charAt(i++));
        if (i < n && p.charAt(i) == ']') out.append(p.charAt(i++)); // a leading ] is a literal
        StringBuilder extra = new StringBuilder();
        while (i < n && p.charAt(i) != ']') {
            char c = p.charAt(i);
            if (c == '\\') {
                i = copyEscape(p, i, out);
                continue;
            }
            if (i + 2 < n && p.charAt(i + 1) == '-' && p.charAt(i + 2) != ']') {
                char to = p.charAt(i + 2);
                out.append(c).append('-').append(to);
                if (Character.isLetter(c) && Character.isLetter(to) && otherCase(c) != c && otherCase(to) != to) {
                    extra.append(otherCase(c)).append('-').append(otherCase(to));
                }
                i += 3;
                continue;
            }
            out.append(c);
            if (otherCase(c) != c) extra.append(otherCase(c));
            i++;
        }
        out.append(extra);
        if (i < n) out.append(']');
        return Math.min(i + 1, n);
    }

    /** Copies {@code (?:}, {@code (?=}, {@code (?<name>}, {@code (?P<name>}, inline flags: letters that are syntax. */
    private static int copyGroupHeader(String p, int i, StringBuilder out) {
        int n = p.length();
        int j = i + 2;
        if (j < n && (p.charAt(j) == 'P' || p.charAt(j) == '<') && p.indexOf('>', j) > 0
                && (p.charAt(j) == 'P' || (j + 1 < n && Character.isLetter(p.charAt(j + 1))))) {
            j = p.indexOf('>', j) + 1;
        } else {
            while (j < n && (Character.isLetter(p.charAt(j)) || p.charAt(j) == '-')) j++;
            if (j < n) j++; // the ':' '=' '!' '<' or ')' that ends the header
        }
        out.append(p, i, j);
        return j;
    }

    private static char otherCase(char c) {
        if (Character.isSurrogate(c)) return c;
        char upper = Character.toUpperCase(c);
        return upper != c ? upper : Character.toLowerCase(c);
    }
}
