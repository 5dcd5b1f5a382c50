package io.djorm.libsql.internal.replica;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a statement may be answered from the replica file. Only plain reads may: SELECT,
 * VALUES, EXPLAIN, a WITH that ends in a SELECT, and PRAGMAs that only report. Everything else (DML,
 * DDL, PRAGMA assignments, transaction control) goes to the primary; the file is written by pulls only.
 *
 * <p>Every read on a replica asks this first, so the common case is one pass over the text with no
 * allocation: skip leading blanks and comments, read the first keyword, then look for a writing word
 * outside quoted text. Only PRAGMAs, which are rare, go through a regular expression.
 */
final class ReadRoute {
    private static final Pattern PRAGMA_NAME = Pattern.compile("^PRAGMA\\s+(?:\\w+\\.)?(\\w+)\\s*(\\(.*\\))?\\s*;?\\s*$",
            Pattern.DOTALL);
    private static final Pattern QUOTED = Pattern.compile("'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|`[^`]*`|\\[[^]]*]");
    /** Words that make a reading statement write (a CTE feeding DML, RETURNING). */
    private static final String[] WRITE_WORDS = {"INSERT", "UPDATE", "DELETE", "REPLACE", "RETURNING"};
    /** PRAGMAs that report and never change anything, with or without an argument in parentheses. */
    private static final Set<String> REPORTING_PRAGMAS = Set.of("table_info", "table_xinfo", "table_list",
            "index_list", "index_info", "index_xinfo", "foreign_key_list", "foreign_key_check", "database_list",
            "collation_list", "function_list", "pragma_list", "module_list", "integrity_check", "quick_check",
            "page_count", "page_size", "freelist_count", "schema_version", "user_version", "application_id",
            "encoding", "compile_options");

    private ReadRoute() {
    }

    /** True when the statement only reads and may run on the local file. */
    static boolean isLocalRead(String sql) {
        int start = skipLeadingNoise(sql);
        if (start < 0) return false; // an unterminated comment: not a statement we can classify
        int end = start;
        while (end < sql.length() && Character.isLetter(sql.charAt(end))) end++;
        if (keywordIs(sql, start, end, "SELECT") || keywordIs(sql, start, end, "VALUES")
                || keywordIs(sql, start, end, "EXPLAIN") || keywordIs(sql, start, end, "WITH")) {
            return !hasWriteWord(sql, start);
        }
        return keywordIs(sql, start, end, "PRAGMA") && isReportingPragma(sql.substring(start));
    }

    /** The index after leading white space and comments, or -1 when a block comment never ends. */
    private static int skipLeadingNoise(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int newline = sql.indexOf('\n', i);
                i = newline < 0 ? n : newline + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                if (close < 0) return -1;
                i = close + 2;
            } else {
                return i;
            }
        }
        return i;
    }

    private static boolean keywordIs(String sql, int start, int end, String keyword) {
        return end - start == keyword.length() && sql.regionMatches(true, start, keyword, 0, keyword.length());
    }

    /**
     * Whether a writing word appears outside quoted text: strings ('...'), quoted identifiers ("...",
     * `...`, [...]). Words are runs of ASCII letters, digits and underscores, as SQL's unquoted names are.
     */
    private static boolean hasWriteWord(String sql, int from) {
        int n = sql.length();
        int i = from;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = afterQuoted(sql, i, c);
            } else if (c == '`') {
                i = afterClosing(sql, i, '`');
            } else if (c == '[') {
                i = afterClosing(sql, i, ']');
            } else if (isWordChar(c)) {
                int end = i;
                while (end < n && isWordChar(sql.charAt(end))) end++;
                if (isWriteWord(sql, i, end)) return true;
                i = end;
            } else {
                i++;
            }
        }
        return false;
    }

    /**
     * After a '...' or "..." run, where a doubled quote stands for one quote. A quote that never closes
     * hides nothing: scanning goes on after it, so a writing word behind it still counts.
     */
    private static int afterQuoted(String sql, int open, char quote) {
        int i = open + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return open + 1;
    }

    private static int afterClosing(String sql, int open, char close) {
        int at = sql.indexOf(close, open + 1);
        return at < 0 ? open + 1 : at + 1;
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static boolean isWriteWord(String sql, int start, int end) {
        for (String word : WRITE_WORDS) {
            if (keywordIs(sql, start, end, word)) return true;
        }
        return false;
    }

    private static boolean isReportingPragma(String statement) {
        String unquoted = QUOTED.matcher(statement).replaceAll("''").toUpperCase(Locale.ROOT);
        var matcher = PRAGMA_NAME.matcher(unquoted.strip());
        return matcher.matches() && REPORTING_PRAGMAS.contains(matcher.group(1).toLowerCase(Locale.ROOT));
    }
}
