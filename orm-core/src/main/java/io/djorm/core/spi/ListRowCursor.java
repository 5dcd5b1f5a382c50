package io.djorm.core.spi;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** A {@link RowCursor} over rows already in memory; transports that read whole responses use it. */
public final class ListRowCursor implements RowCursor {
    private final List<String> columns;
    private final List<Object[]> rows;
    private int index = -1;
    private boolean wasNull;

    /** Wraps rows whose values are in canonical form. */
    public ListRowCursor(List<String> columns, List<Object[]> rows) {
        this.columns = columns;
        this.rows = rows;
    }

    @Override public List<String> columns() { return columns; }

    @Override public boolean next() { return ++index < rows.size(); }

    @Override public Object getObject(int column) {
        Object v = rows.get(index)[column];
        wasNull = v == null;
        return v;
    }

    @Override public long getLong(int column) {
        Object v = getObject(column);
        if (v == null) return 0L;
        if (v instanceof Number n) return n instanceof Double d ? (long) d.doubleValue() : n.longValue();
        if (v instanceof String s) return parseLong(s);
        throw new IllegalStateException("column " + columns.get(column) + " holds a blob, not an integer");
    }

    @Override public double getDouble(int column) {
        Object v = getObject(column);
        if (v == null) return 0d;
        if (v instanceof Number n) return n.doubleValue();
        if (v instanceof String s) {
            try { return Double.parseDouble(s.trim()); } catch (NumberFormatException e) { return 0d; }
        }
        throw new IllegalStateException("column " + columns.get(column) + " holds a blob, not a number");
    }

    @Override public String getString(int column) {
        Object v = getObject(column);
        if (v == null) return null;
        if (v instanceof byte[] b) return new String(b, StandardCharsets.UTF_8);
        if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
            return d.toString(); // SQLite renders 2.0 as "2.0", like Double.toString
        }
        return v.toString();
    }

    @Override public byte[] getBytes(int column) {
        Object v = getObject(column);
        if (v == null) return null;
        if (v instanceof byte[] b) return b;
        return v.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override public boolean wasNull() { return wasNull; }

    @Override public void close() { index = rows.size(); }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            try { return (long) Double.parseDouble(s.trim()); } catch (NumberFormatException e2) { return 0L; }
        }
    }
}
