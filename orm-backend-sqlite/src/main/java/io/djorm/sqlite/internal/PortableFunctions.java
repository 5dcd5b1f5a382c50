package io.djorm.sqlite.internal;

import io.djorm.core.FieldError;
import java.util.List;

/**
 * Django's text functions and date truncation in SQL that every SQLite-family engine runs: SQLite
 * files through sqlite-jdbc and Turso's engine behind a libSQL server. Neither has LPAD, REPEAT or
 * REVERSE, a libSQL server's engine may lack MOD and the two-argument LOG and raise where SQLite
 * answers NULL (SQRT and LN out of their domain), and no query may depend on a
 * Java function registered on a local connection, so these are built from SUBSTR, ZEROBLOB, REPLACE,
 * JSON_EACH, LN and arithmetic, which every engine has.
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
            // SQLite's CHAR reads NULL as code point 0; NULL in must give NULL out, as for every function.
            case "CHR" -> "(CASE WHEN " + args.get(0) + " IS NULL THEN NULL ELSE CHAR(" + args.get(0) + ") END)";
            case "ORD" -> "UNICODE(" + args.get(0) + ")";
            case "REPEAT" -> repeat(args.get(0), args.get(1));
            case "LPAD" -> pad(args.get(0), args.get(1), args.get(2), true);
            case "RPAD" -> pad(args.get(0), args.get(1), args.get(2), false);
            case "REVERSE" -> reverse(args.get(0));
            // Out of the domain is NULL: SQLite answers NULL, the engine behind a libSQL server raises.
            case "SQRT" -> "(CASE WHEN " + args.get(0) + " >= 0 THEN SQRT(" + args.get(0) + ") END)";
            case "LN" -> ln(args.get(0));
            // Django computes Log(b, x) as ln(x) / ln(b) (Python's math.log); x / 0 is NULL.
            case "LOG" -> args.size() == 2 ? "(" + ln(args.get(1)) + " / " + ln(args.get(0)) + ")" : null;
            case "MOD" -> mod(args.get(0), args.get(1));
            default -> null;
        };
    }

    /**
     * {@code text} repeated {@code count} times: ZEROBLOB(n) in hex is n pairs of zeros, each pair
     * replaced by the text. NULL when either is NULL, as REPLACE and ZEROBLOB propagate it.
     */
    static String repeat(String text, String count) {
        return "REPLACE(HEX(ZEROBLOB(" + count + ")), '00', " + text + ")";
    }

    /** The natural logarithm, NULL for 0 and negative numbers on every engine. */
    private static String ln(String x) {
        return "(CASE WHEN " + x + " > 0 THEN LN(" + x + ") END)";
    }

    /**
     * The remainder with the dividend's sign, as C's fmod (Django's Mod): the quotient truncated toward
     * zero by CAST, for integers and reals alike; NULL when either is NULL or the divisor is 0.
     */
    private static String mod(String dividend, String divisor) {
        return "((" + dividend + ") - (" + divisor + ") * CAST((" + dividend + ") * 1.0 / (" + divisor + ") AS INTEGER))";
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
    public static String truncate(String kind, String value, String outputType) {
        String lhs = toMillis(value);
        boolean time = outputType.equals("TimeField");
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

    /**
     * A stored date, datetime or time cut to whole milliseconds ({@code 23:59:59.999999} becomes
     * {@code 23:59:59.999}) before a date function reads it. SQLite's date functions drop the digits past
     * the millisecond, but the engine behind a libSQL server rounds them, and would turn the last
     * microsecond of a day into the next day. NULL stays NULL; a value without a fraction is unchanged.
     */
    public static String toMillis(String value) {
        return "SUBSTR(" + value + ", 1, INSTR(" + value + " || '.', '.') + 3)";
    }

    private static String strftime(String format, String lhs, String... modifiers) {
        StringBuilder sb = new StringBuilder("STRFTIME('").append(format).append("', ").append(lhs);
        for (String m : modifiers) sb.append(", ").append(m);
        return sb.append(")").toString();
    }
}
