package io.djorm.sqlite.internal;

import io.djorm.core.FieldError;
import java.util.List;

/**
 * Django's text functions and date truncation in SQL that every SQLite-family engine runs: SQLite
 * files through sqlite-jdbc and Turso's engine behind a libSQL server. Neither has LPAD, REPEAT or
 * REVERSE, and no query may depend on a Java function registered on a local connection, so these are
 * built from SUBSTR, ZEROBLOB, REPLACE and JSON_EACH, which both engines have. The libSQL engine (SQLite
 * 3.45) also lacks MOD and a two-argument LOG, and raises errors where math functions leave their
 * domain: those are written out or guarded.
 */
public final class PortableFunctions {
    private PortableFunctions() {
    }

    /** The SQL of a portable function name, or null when the name is not one of these. */
    public static String render(String function, List<String> args) {
        return switch (function) {
            case "LEFT" -> "SUBSTR(" + args.get(0) + ", 1, " + args.get(1) + ")";
            case "RIGHT" -> "SUBSTR(" + args.get(0) + ", -(" + args.get(1) + "))";
            case "STRINDEX" -> "INSTR(" + args.get(0) + ", " + args.get(1) + ")";
            case "CHR" -> "CHAR(" + args.get(0) + ")";
            case "ORD" -> "UNICODE(" + args.get(0) + ")";
            case "REPEAT" -> repeat(args.get(0), args.get(1));
            case "LPAD" -> pad(args.get(0), args.get(1), args.get(2), true);
            case "RPAD" -> pad(args.get(0), args.get(1), args.get(2), false);
            case "REVERSE" -> reverse(args.get(0));
            case "SQRT" -> outsideDomainIsNull("(" + args.get(0) + ") < 0", "SQRT", args);
            case "LN" -> outsideDomainIsNull("(" + args.get(0) + ") <= 0", "LN", args);
            case "LOG" -> args.size() == 1 ? outsideDomainIsNull("(" + args.get(0) + ") <= 0", "LOG", args)
                    : logarithm(args.get(0), args.get(1));
            case "MOD" -> mod(args.get(0), args.get(1));
            default -> null;
        };
    }

    /**
     * A math function that is NULL outside its domain, as SQLite files answer; the libSQL engine (SQLite
     * 3.45) raises "Numerical argument out of domain" there instead, so the guard is written out.
     */
    private static String outsideDomainIsNull(String outside, String function, List<String> args) {
        return "(CASE WHEN " + outside + " THEN NULL ELSE " + function + "(" + String.join(", ", args) + ") END)";
    }

    /** The logarithm of {@code x} to {@code base}, as LN(x) / LN(base): the libSQL engine's LOG() takes one argument. */
    private static String logarithm(String base, String x) {
        return "(CASE WHEN (" + base + ") <= 0 OR (" + base + ") = 1 OR (" + x + ") <= 0 THEN NULL ELSE LN(" + x
                + ") / LN(" + base + ") END)";
    }

    /**
     * Django's Mod: the remainder with the dividend's sign (C's fmod), NULL for a zero divisor. Written
     * with a truncating division because the libSQL engine has no MOD(); SQLite's x / 0 is NULL.
     */
    private static String mod(String dividend, String divisor) {
        return "((" + dividend + ") - (" + divisor + ") * CAST((" + dividend + ") / (" + divisor + ") AS INTEGER))";
    }

    /**
     * {@code text} repeated {@code count} times: ZEROBLOB(n) in hex is n pairs of zeros, each pair
     * replaced by the text. NULL when either is NULL, as REPLACE and ZEROBLOB propagate it.
     */
    static String repeat(String text, String count) {
        return "REPLACE(HEX(ZEROBLOB(" + count + ")), '00', " + text + ")";
    }

    /**
     * Django's LPAD/RPAD: a text longer than {@code length} is cut to it, a shorter one is filled on the
     * left (right) with as much of the repeated fill as makes {@code length} characters.
     */
    private static String pad(String text, String length, String fill, boolean left) {
        String filler = "SUBSTR(" + repeat(fill, length) + ", 1, (" + length + ") - LENGTH(" + text + "))";
        return "(CASE WHEN LENGTH(" + text + ") >= (" + length + ") THEN SUBSTR(" + text + ", 1, " + length + ") ELSE "
                + (left ? filler + " || " + text : text + " || " + filler) + " END)";
    }

    /**
     * The characters of a text in reverse order: JSON_EACH over an array of LENGTH(text) zeros numbers
     * the positions, and GROUP_CONCAT joins the characters from the last one back. The derived table
     * keeps JSON_EACH's column names out of reach of the text's own column references.
     */
    private static String reverse(String text) {
        String positions = "'[' || SUBSTR(REPLACE(HEX(ZEROBLOB(LENGTH(" + text + "))), '00', '0,'), 1, LENGTH(" + text
                + ") * 2 - 1) || ']'";
        String chars = "(SELECT GROUP_CONCAT(SUBSTR(" + text + ", LENGTH(" + text + ") - \"djorm_i\", 1), '') FROM "
                + "(SELECT \"key\" AS \"djorm_i\" FROM JSON_EACH(" + positions + ")))";
        return "(CASE WHEN " + text + " IS NULL THEN NULL ELSE COALESCE(" + chars + ", '') END)";
    }

    /**
     * Truncation to the start of a year, quarter, month, week (Monday), day, hour, minute or second,
     * written as the stored text of the output type: {@code 2024-04-01}, {@code 2024-04-01 00:00:00},
     * {@code 13:00:00}. STRFTIME returns NULL for NULL, so NULL stays NULL.
     */
    public static String truncate(String kind, String lhs, String outputType) {
        boolean time = outputType.equals("TimeField");
        // Cut the fraction of a second of a date or datetime first (see SqliteDialect.wholeSeconds).
        if (!time) lhs = io.djorm.sqlite.SqliteDialect.wholeSeconds(lhs);
        String dayPart = outputType.equals("DateTimeField") ? " 00:00:00" : "";
        return switch (kind) {
            case "year" -> strftime("%Y-01-01" + dayPart, lhs);
            case "quarter" -> strftime("%Y-%m-%d" + dayPart, lhs, "'start of month'",
                    "'-' || ((CAST(STRFTIME('%m', " + lhs + ") AS INTEGER) + 2) % 3) || ' months'");
            case "month" -> strftime("%Y-%m-01" + dayPart, lhs);
            // SQLite's %w counts from Sunday = 0; a Monday-based week starts (w + 6) % 7 days back.
            case "week" -> strftime("%Y-%m-%d" + dayPart, lhs,
                    "'-' || ((CAST(STRFTIME('%w', " + lhs + ") AS INTEGER) + 6) % 7) || ' days'");
            case "day" -> strftime("%Y-%m-%d" + dayPart, lhs);
            case "hour" -> strftime((time ? "" : "%Y-%m-%d ") + "%H:00:00", lhs);
            case "minute" -> strftime((time ? "" : "%Y-%m-%d ") + "%H:%M:00", lhs);
            case "second" -> strftime((time ? "" : "%Y-%m-%d ") + "%H:%M:%S", lhs);
            default -> throw new FieldError("Trunc has no kind '" + kind + "'. Use one of year, quarter, month, week, "
                    + "day, hour, minute, second.");
        };
    }

    private static String strftime(String format, String lhs, String... modifiers) {
        StringBuilder sb = new StringBuilder("STRFTIME('").append(format).append("', ").append(lhs);
        for (String m : modifiers) sb.append(", ").append(m);
        return sb.append(")").toString();
    }
}
