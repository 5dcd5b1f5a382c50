package io.djorm.libsql.internal.hrana;

import io.djorm.core.DatabaseError;
import io.djorm.core.IntegrityError;
import io.djorm.core.OperationalError;
import io.djorm.core.ProgrammingError;
import java.util.List;
import java.util.Locale;

/**
 * Turns a statement error reported by a server into the djorm exception hierarchy. Servers with real
 * SQLite codes ({@code SQLITE_CONSTRAINT_UNIQUE}, ...) are mapped by code; servers with generic codes
 * ({@code EXECUTE_ERROR}) by the SQLite message text. Messages name the statement, never its parameters.
 */
final class HranaErrors {
    private static final int SQL_LIMIT = 200;
    private static final List<String> CONSTRAINT_MESSAGES = List.of("unique constraint failed",
            "foreign key constraint failed", "not null constraint failed", "check constraint failed",
            "primary key constraint failed", "constraint failed");
    private static final List<String> PROGRAMMING_MESSAGES = List.of("no such table", "no such column",
            "no such function", "syntax error", "has no column named", "incomplete input", "ambiguous column name");
    private static final List<String> OPERATIONAL_MESSAGES = List.of("database is locked", "database table is locked",
            "disk i/o error", "database or disk is full", "interrupted");

    private HranaErrors() {
    }

    /** The exception for a failed statement. */
    static DatabaseError forStatement(StepOutcome failure, String sql) {
        String code = failure.errorCode();
        String message = failure.errorMessage();
        String text = message + (code == null ? "" : " [" + code + "]") + " while running: " + shortSql(sql);
        String upperCode = code == null ? "" : code.toUpperCase(Locale.ROOT);
        String lower = message.toLowerCase(Locale.ROOT);
        if (upperCode.startsWith("SQLITE_CONSTRAINT") || containsAny(lower, CONSTRAINT_MESSAGES)) {
            return new IntegrityError(text);
        }
        if (containsAny(lower, PROGRAMMING_MESSAGES)) {
            return new ProgrammingError(text);
        }
        if (lower.contains("cannot start a transaction within a transaction")) {
            return new OperationalError(text + ". Another transaction is open on the server's connection; a server"
                    + " that shares one SQLite connection between all clients (tursodb) lets only one client run a"
                    + " transaction at a time.");
        }
        if (upperCode.startsWith("SQLITE_BUSY") || upperCode.startsWith("SQLITE_LOCKED")
                || upperCode.startsWith("SQLITE_IOERR") || upperCode.startsWith("SQLITE_FULL")
                || containsAny(lower, OPERATIONAL_MESSAGES)) {
            return new OperationalError(text);
        }
        return new DatabaseError(text);
    }

    /** The SQL for a message: one line, at most {@value #SQL_LIMIT} characters. */
    static String shortSql(String sql) {
        String flat = sql.strip().replaceAll("\\s+", " ");
        return flat.length() > SQL_LIMIT ? flat.substring(0, SQL_LIMIT) + "…" : flat;
    }

    private static boolean containsAny(String text, List<String> needles) {
        for (String n : needles) {
            if (text.contains(n)) return true;
        }
        return false;
    }
}
