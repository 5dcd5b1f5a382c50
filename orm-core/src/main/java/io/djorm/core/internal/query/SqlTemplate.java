package io.djorm.core.internal.query;

import io.djorm.core.expressions.Expression;
import io.djorm.core.expressions.SqlWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders dialect SQL that wraps rendered arguments. The dialect builds its SQL from argument text
 * (see {@link io.djorm.core.spi.Dialect#function}); arguments carry bound parameters, so each is
 * rendered on its own and the dialect sees a marker in its place. The markers are then replaced by the
 * arguments, parameters included, as often and in whatever order the dialect used them.
 */
public final class SqlTemplate {
    private static final char MARK = '\u0001';

    private SqlTemplate() {
    }

    /**
     * Writes the dialect's call of {@code function}. Each argument is an {@link Expression} (rendered)
     * or a String keyword passed to the dialect as it is (a type name for CAST, {@code DISTINCT}).
     */
    public static void call(SqlWriter out, String function, List<?> args) {
        List<String> texts = new ArrayList<>();
        List<SqlBuffer> parts = new ArrayList<>();
        for (Object arg : args) {
            if (arg instanceof Expression e) {
                texts.add(marker(parts.size()));
                parts.add(capture(out, e));
            } else {
                texts.add((String) arg);
            }
        }
        splice(out, out.dialect().function(function, texts), parts);
    }

    /** Writes SQL built by {@code template} around one rendered expression. */
    public static void wrap(SqlWriter out, Expression arg, java.util.function.UnaryOperator<String> template) {
        splice(out, template.apply(marker(0)), List.of(capture(out, arg)));
    }

    /** Renders an expression into a fresh buffer of the same dialect. */
    public static SqlBuffer capture(SqlWriter out, Expression e) {
        SqlBuffer buffer = new SqlBuffer(out.dialect());
        e.render(buffer);
        return buffer;
    }

    private static String marker(int index) {
        return MARK + Integer.toString(index) + MARK;
    }

    private static void splice(SqlWriter out, String sql, List<SqlBuffer> parts) {
        int i = 0;
        while (i < sql.length()) {
            int start = sql.indexOf(MARK, i);
            if (start < 0) {
                out.sql(sql.substring(i));
                return;
            }
            if (start > i) out.sql(sql.substring(i, start));
            int end = sql.indexOf(MARK, start + 1);
            parts.get(Integer.parseInt(sql.substring(start + 1, end))).writeTo(out);
            i = end + 1;
        }
    }
}
