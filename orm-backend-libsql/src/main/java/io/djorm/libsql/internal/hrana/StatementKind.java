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
        // Compared in place: every statement a connection sends is classified, and a keyword copied and
        // upper-cased per statement was garbage for nothing.
        if (keywordIs(text, end, "SELECT") || keywordIs(text, end, "VALUES") || keywordIs(text, end, "EXPLAIN")) return READ;
        if (keywordIs(text, end, "INSERT") || keywordIs(text, end, "UPDATE") || keywordIs(text, end, "DELETE")
                || keywordIs(text, end, "REPLACE")) {
            return WRITE;
        }
        if (keywordIs(text, end, "WITH")) {
            return DML_WORD.matcher(QUOTED.matcher(text).replaceAll("''").toUpperCase(Locale.ROOT)).find() ? WRITE : READ;
        }
        return OTHER;
    }

    /**
     * Whether the leading word {@code text[0, length)} is the upper-case {@code keyword} in any case, as
     * {@code toUpperCase(Locale.ROOT)} and {@code equals} judged it: the keywords are ASCII, and only
     * ASCII letters (plus the dotless i and the long s, which upper-case to I and S) fold onto them.
     */
    private static boolean keywordIs(String text, int length, String keyword) {
        if (length != keyword.length()) return false;
        for (int i = 0; i < length; i++) {
            if (Character.toUpperCase(text.charAt(i)) != keyword.charAt(i)) return false;
        }
        return true;
    }
}
