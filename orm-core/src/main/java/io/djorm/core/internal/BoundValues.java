package io.djorm.core.internal;

import io.djorm.core.DataError;
import io.djorm.core.internal.fields.TextValues;
import io.djorm.core.spi.Statement;
import java.util.List;

/**
 * Refuses parameters that no backend can carry unchanged, before a statement reaches any backend: a
 * string with a lone surrogate (SQLite would store '?', a libSQL server answers HTTP 500) and a
 * double that is NaN or infinite (SQLite binds NaN as NULL, JSON has neither). Every backend then
 * answers such a value the same way.
 */
final class BoundValues {
    private static final int SQL_SHOWN = 200;

    private BoundValues() {
    }

    static void check(Statement statement) {
        if (CheckedStatements.isChecked(statement)) return; // refused where its values were converted
        check(statement.sql(), statement.params());
    }

    static void check(String sql, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            String problem = problem(params.get(i));
            if (problem != null) {
                String shownSql = sql.length() > SQL_SHOWN ? sql.substring(0, SQL_SHOWN) + "..." : sql;
                throw new DataError("Parameter " + (i + 1) + " cannot be sent to the database: " + problem
                        + ". Nothing was sent. [SQL: " + shownSql + "]");
            }
        }
    }

    static void checkAll(List<Statement> statements) {
        for (Statement s : statements) check(s);
    }

    /** Why a canonical database value cannot be sent unchanged, or null when it can. */
    static String problem(Object value) {
        if (value instanceof String s) return TextValues.surrogateProblem(s);
        if (value instanceof Double d && !Double.isFinite(d)) return d + " is not a finite number";
        if (value instanceof Float f && !Float.isFinite(f)) return f + " is not a finite number";
        return null;
    }
}
