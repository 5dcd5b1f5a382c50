package io.djorm.libsql.internal.hrana;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a statement does, judged from its leading keyword: whether it only reads (so it may be retried
 * after a connection failure) and whether it changes rows (so its change count must be asked for on
 * servers that do not report it).
 */
enum StatementKind {
    /** SELECT, VALUES, EXPLAIN, or a WITH that only reads. */
    READ,
    /** INSERT, UPDATE, DELETE, REPLACE, or a WITH that ends in one of them. */
    WRITE,
    /** Anything else: DDL, PRAGMA, transaction control. */
    OTHER;

    private static final Pattern LEADING_NOISE = Pattern.compile("^(\\s+|--[^\\n]*(\\n|$)|/\\*.*?\\*/)+", Pattern.DOTALL);
    private static final Pattern QUOTED = Pattern.compile("'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|`[^`]*`|\\[[^]]*]");
    private static final Pattern DML_WORD = Pattern.compile("\\b(INSERT|UPDATE|DELETE|REPLACE)\\b");

    /** The kind of one SQL statement. */
    static StatementKind of(String sql) {
        // The ORM's statements start with their keyword: only others need the comment-stripping pattern.
        String text = !sql.isEmpty() && Character.isLetter(sql.charAt(0)) ? sql : LEADING_NOISE.matcher(sql).replaceFirst("");
        int end = 0;
        while (end < text.length() && Character.isLetter(text.charAt(end))) end++;
        String keyword = text.substring(0, end).toUpperCase(Locale.ROOT);
        return switch (keyword) {
            case "SELECT", "VALUES", "EXPLAIN" -> READ;
            case "INSERT", "UPDATE", "DELETE", "REPLACE" -> WRITE;
            case "WITH" -> DML_WORD.matcher(QUOTED.matcher(text).replaceAll("''").toUpperCase(Locale.ROOT)).find()
                    ? WRITE : READ;
            default -> OTHER;
        };
    }
}
