package io.djorm.sqlite;

import io.djorm.core.spi.RowCursor;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A {@link RowCursor} over a JDBC result set; typed getters go straight to the driver. */
final class JdbcRowCursor implements RowCursor {
    private final ResultSet rs;
    private final String sql;
    private final Source source;
    private List<String> columns;
    private boolean closed;

    /**
     * What the rows came from, told when they are done: an interface the cached statement implements,
     * rather than two lambdas allocated per query.
     */
    interface Source {
        /** The rows are done (read to the end or closed). */
        void finished();

        /** Stepping to the next row failed. */
        void failed();
    }

    /** {@code source} learns when the rows are done, or that stepping failed. */
    JdbcRowCursor(ResultSet rs, String sql, Source source) {
        this.rs = rs;
        this.sql = sql;
        this.source = source;
    }

    @Override
    public List<String> columns() {
        if (columns == null) {
            try {
                ResultSetMetaData md = rs.getMetaData();
                List<String> names = new ArrayList<>(md.getColumnCount());
                for (int i = 1; i <= md.getColumnCount(); i++) names.add(md.getColumnLabel(i));
                columns = names;
            } catch (SQLException e) {
                throw SqliteErrors.translate(e, sql);
            }
        }
        return columns;
    }

    @Override
    public boolean next() {
        if (closed) return false;
        try {
            if (rs.next()) return true;
        } catch (SQLException e) {
            finish(false);
            throw SqliteErrors.translate(e, sql);
        }
        close();
        return false;
    }

    @Override
    public Object getObject(int column) {
        try {
            Object v = rs.getObject(column + 1);
            if (v instanceof Integer i) return i.longValue();
            if (v instanceof Float f) return f.doubleValue();
            return v;
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, sql);
        }
    }

    @Override
    public long getLong(int column) {
        try {
            return rs.getLong(column + 1);
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, sql);
        }
    }

    @Override
    public double getDouble(int column) {
        try {
            return rs.getDouble(column + 1);
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, sql);
        }
    }

    @Override
    public String getString(int column) {
        try {
            return rs.getString(column + 1);
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, sql);
        }
    }

    @Override
    public byte[] getBytes(int column) {
        try {
            return rs.getBytes(column + 1);
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, sql);
        }
    }

    @Override
    public boolean wasNull() {
        try {
            return rs.wasNull();
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, sql);
        }
    }

    @Override
    public void close() {
        finish(true);
    }

    private void finish(boolean done) {
        if (closed) return;
        closed = true;
        try {
            rs.close();
        } catch (SQLException ignored) {
            // closing a finished result set cannot lose data
        }
        if (done) source.finished();
        else source.failed();
    }
}
