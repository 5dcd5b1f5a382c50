package io.djorm.core.spi;

import io.djorm.core.internal.CheckedStatements;
import java.util.List;

/**
 * One SQL statement and its bound parameters. Parameters are always in canonical database form:
 * {@code null}, {@link Long}, {@link Double}, {@link String} or {@code byte[]}.
 *
 * @param sql the SQL text with {@code ?} placeholders
 * @param params the values bound to the placeholders, in order
 */
public record Statement(String sql, List<Object> params) {
    static {
        CheckedStatements.install(new CheckedStatements.Access() {
            @Override
            public Statement handingOver(String sql, Object[] checkedValues) {
                return new Statement(sql, new HandedOver(checkedValues, true));
            }

            @Override
            public boolean isChecked(Statement statement) {
                return statement.params instanceof HandedOver h && h.checked;
            }
        });
    }

    /** Creates a statement, copying the parameter list (which may hold nulls) unless it was handed over. */
    public Statement {
        if (!(params instanceof HandedOver)) params = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(params));
    }

    /**
     * A statement over these values without copying them, for callers that build a fresh array per
     * statement (every save() does): the array is handed over and must not be changed afterwards.
     */
    public static Statement handingOver(String sql, Object[] params) {
        return new Statement(sql, new HandedOver(params, false));
    }

    /** An unmodifiable list over an array handed over by {@link #handingOver}, which no one changes. */
    private static final class HandedOver extends java.util.AbstractList<Object> implements java.util.RandomAccess {
        private final Object[] values;
        /** Whether orm-core checked every value as it converted it (see {@code internal.CheckedStatements}). */
        private final boolean checked;

        HandedOver(Object[] values, boolean checked) {
            this.values = values;
            this.checked = checked;
        }

        @Override
        public Object get(int index) {
            return values[index];
        }

        @Override
        public int size() {
            return values.length;
        }
    }

    /** A statement without parameters. */
    public static Statement of(String sql) {
        return new Statement(sql, List.of());
    }

    /** The SQL with each parameter rendered inline, for display only (never executed). */
    public String toDisplayString() {
        StringBuilder out = new StringBuilder();
        int p = 0;
        boolean inString = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') inString = !inString;
            if (c == '?' && !inString && p < params.size()) {
                out.append(renderLiteral(params.get(p++)));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String renderLiteral(Object value) {
        if (value == null) return "NULL";
        if (value instanceof String s) return "'" + s.replace("'", "''") + "'";
        if (value instanceof byte[] b) return "X'" + java.util.HexFormat.of().formatHex(b) + "'";
        return String.valueOf(value);
    }

    @Override
    public String toString() {
        return toDisplayString();
    }
}
