package io.djorm.sqlite;

import io.djorm.core.DataError;
import io.djorm.core.DatabaseError;
import io.djorm.core.IntegrityError;
import io.djorm.core.OperationalError;
import io.djorm.core.ProgrammingError;
import java.sql.SQLException;
import java.util.Locale;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Maps sqlite-jdbc errors onto djorm's exception hierarchy, naming the statement that failed. */
public final class SqliteErrors {
    private static final int MAX_SQL_SHOWN = 300;

    private SqliteErrors() {
    }

    /** The djorm exception for a driver error raised while running {@code sql} (may be null). */
    public static DatabaseError translate(SQLException e, String sql) {
        String message = cleanMessage(e) + (sql == null ? "" : " [SQL: " + shorten(sql) + "]");
        SQLiteErrorCode code = e instanceof SQLiteException se ? se.getResultCode() : null;
        int primary = code == null ? e.getErrorCode() & 0xff : code.code & 0xff;
        String lower = message.toLowerCase(Locale.ROOT);
        return switch (primary) {
            case 19 -> new IntegrityError(message, e); // SQLITE_CONSTRAINT
            case 5, 6 -> new OperationalError(message + ". The database is locked by another connection; "
                    + "raise OPTIONS.timeout or shorten transactions.", e); // BUSY, LOCKED
            case 18, 20, 25 -> new DataError(message, e); // TOOBIG, MISMATCH, RANGE
            case 1 -> lower.contains("invalid regular expression") ? new DataError(message + ". Fix the pattern.", e)
                    : lower.contains("no such") || lower.contains("syntax error") || lower.contains("has no column")
                    || lower.contains("already exists") || lower.contains("ambiguous column")
                    ? new ProgrammingError(message, e) : new OperationalError(message, e);
            default -> new OperationalError(message, e);
        };
    }

    private static String cleanMessage(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // sqlite-jdbc prefixes "[SQLITE_CONSTRAINT_UNIQUE] A UNIQUE constraint failed (UNIQUE constraint failed: t.c)"
        int paren = m.lastIndexOf(" (");
        if (m.startsWith("[") && paren > 0 && m.endsWith(")")) {
            return m.substring(paren + 2, m.length() - 1);
        }
        return m;
    }

    /** The SQL cut to a readable length. */
    public static String shorten(String sql) {
        return sql.length() <= MAX_SQL_SHOWN ? sql : sql.substring(0, MAX_SQL_SHOWN) + "...";
    }
}
