package io.djorm.docs.check;

import java.util.ArrayList;
import java.util.List;

/** Text normalisation shared by the snippet checks. */
final class Text {
    private Text() {
    }

    /**
     * The lines joined with {@code \n}, without the indentation common to every non-blank line,
     * without trailing spaces, and without leading or trailing blank lines.
     */
    static String dedent(List<String> lines) {
        int common = Integer.MAX_VALUE;
        for (String l : lines) {
            if (l.isBlank()) continue;
            int indent = 0;
            while (indent < l.length() && l.charAt(indent) == ' ') indent++;
            common = Math.min(common, indent);
        }
        List<String> out = new ArrayList<>();
        for (String l : lines) out.add(l.isBlank() ? "" : l.substring(common).stripTrailing());
        while (!out.isEmpty() && out.get(0).isEmpty()) out.remove(0);
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
        return String.join("\n", out);
    }

    /** The 1-based number of the first line where two texts differ, or 0 when they are equal. */
    static int firstDifference(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String l = i < x.length ? x[i] : null;
            String r = i < y.length ? y[i] : null;
            if (l == null || !l.equals(r)) return i + 1;
        }
        return 0;
    }

    /** Line {@code n} (1-based) of a text, or a marker when the text is shorter. */
    static String line(String text, int n) {
        String[] lines = text.split("\n", -1);
        return n <= lines.length ? lines[n - 1] : "<no line " + n + ">";
    }
}
