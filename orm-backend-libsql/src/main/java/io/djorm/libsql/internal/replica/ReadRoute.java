package io.djorm.libsql.internal.replica;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a statement may be answered from the replica file. Only plain reads may: SELECT,
 * VALUES, EXPLAIN, a WITH that ends in a SELECT, and PRAGMAs that only report. Everything else (DML,
 * DDL, PRAGMA assignments, transaction control) goes to the primary; the file is written by pulls only.
 */
final class ReadRoute {
    private static final Pattern LEADING_NOISE =
            Pattern.compile("^(\\s+|--[^\\n]*(\\n|$)|/\\*.*?\\*/)+", Pattern.DOTALL);
    private static final Pattern QUOTED = Pattern.compile("'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|`[^`]*`|\\[[^]]*]");
    private static final Pattern WRITE_WORD = Pattern.compile("\\b(INSERT|UPDATE|DELETE|REPLACE|RETURNING)\\b");
    private static final Pattern PRAGMA_NAME = Pattern.compile("^PRAGMA\\s+(?:\\w+\\.)?(\\w+)\\s*(\\(.*\\))?\\s*;?\\s*$",
            Pattern.DOTALL);
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
        String text = LEADING_NOISE.matcher(sql).replaceFirst("");
        String unquoted = QUOTED.matcher(text).replaceAll("''").toUpperCase(Locale.ROOT);
        int end = 0;
        while (end < unquoted.length() && Character.isLetter(unquoted.charAt(end))) end++;
        return switch (unquoted.substring(0, end)) {
            case "SELECT", "VALUES", "EXPLAIN", "WITH" -> !WRITE_WORD.matcher(unquoted).find();
            case "PRAGMA" -> isReportingPragma(unquoted);
            default -> false;
        };
    }

    private static boolean isReportingPragma(String unquoted) {
        var matcher = PRAGMA_NAME.matcher(unquoted.strip());
        return matcher.matches() && REPORTING_PRAGMAS.contains(matcher.group(1).toLowerCase(Locale.ROOT));
    }
}
