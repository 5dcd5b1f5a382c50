package io.djorm.core.internal;

import io.djorm.core.DataError;
import java.util.List;

/**
 * Checks raw SQL from users against its parameters before any backend sees it, so that a missing or
 * extra value is the same {@link DataError} everywhere (sqlite-jdbc would bind missing ones as NULL,
 * a server may ignore extra ones).
 */
public final class RawSql {
    private RawSql() {
    }

    /** Raises DataError unless {@code params} has one value per {@code ?} placeholder of {@code sql}. */
    public static void checkParameters(String call, String sql, List<Object> params) {
        int placeholders = countPlaceholders(sql);
        if (placeholders >= 0 && placeholders != params.size()) {
            throw new DataError(call + ": the SQL has " + placeholders + " '?' placeholder(s) but " + params.size()
                    + " parameter value(s) were given; pass exactly one value per '?'. [SQL: "
                    + (sql.length() > 200 ? sql.substring(0, 200) + "..." : sql) + "]");
        }
    }

    /**
     * The number of anonymous {@code ?} placeholders outside literals, quoted names and comments, or
     * -1 when the SQL uses numbered or named parameters (the backend checks those).
     */
    static int countPlaceholders(String sql) {
        int count = 0;
        int n = sql.length();
        for (int i = 0; i < n; i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = closing(sql, i, c);
            } else if (c == '[') {
                i = closing(sql, i, ']');
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 1;
            } else if (c == '?') {
                if (i + 1 < n && Character.isDigit(sql.charAt(i + 1))) return -1;
                count++;
            } else if ((c == ':' || c == '@' || c == '$') && i + 1 < n && Character.isLetter(sql.charAt(i + 1))) {
                return -1;
            }
        }
        return count;
    }

    /** The index of the quote that closes the one at {@code open} (a doubled quote is an escaped one). */
    private static int closing(String sql, int open, char quote) {
        int i = open + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (quote != ']' && i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return sql.length();
    }
}
