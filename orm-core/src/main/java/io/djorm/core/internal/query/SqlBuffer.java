package io.djorm.core.internal.query;

import io.djorm.core.expressions.Expression;
import io.djorm.core.expressions.SqlWriter;
import io.djorm.core.spi.Dialect;
import io.djorm.core.spi.Statement;
import java.util.ArrayList;
import java.util.List;

/** The {@link SqlWriter} the compiler renders into. */
public final class SqlBuffer implements SqlWriter {
    private final Dialect dialect;
    private final StringBuilder sql = new StringBuilder(128);
    private final List<Object> params = new ArrayList<>();
    /** Where each parameter's {@code ?} sits in {@link #sql}, so that the buffer can be replayed. */
    private int[] paramOffsets = NO_OFFSETS;
    private static final int[] NO_OFFSETS = {};

    /** An empty buffer for a dialect. */
    public SqlBuffer(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public SqlBuffer sql(String text) {
        sql.append(text);
        return this;
    }

    @Override
    public SqlBuffer param(Object canonicalValue) {
        offset(params.size(), sql.length());
        sql.append('?');
        params.add(canonicalValue);
        return this;
    }

    @Override
    public SqlBuffer identifier(String name) {
        sql.append(dialect.quote(name));
        return this;
    }

    @Override
    public SqlBuffer expression(Expression expression) {
        expression.render(this);
        return this;
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    /** Appends another buffer's SQL and parameters. */
    public SqlBuffer append(SqlBuffer other) {
        int base = sql.length();
        int first = params.size();
        for (int i = 0; i < other.params.size(); i++) offset(first + i, base + other.paramOffsets[i]);
        sql.append(other.sql);
        params.addAll(other.params);
        return this;
    }

    /**
     * Writes this buffer's SQL and parameters to another writer, which need not be a SqlBuffer: a
     * fragment rendered on its own (a function argument, a subquery) lands in place with its values.
     */
    public void writeTo(SqlWriter out) {
        if (out instanceof SqlBuffer buffer) {
            buffer.append(this);
            return;
        }
        int from = 0;
        for (int i = 0; i < params.size(); i++) {
            int at = paramOffsets[i];
            if (at > from) out.sql(sql.substring(from, at));
            out.param(params.get(i));
            from = at + 1;
        }
        if (from < sql.length()) out.sql(sql.substring(from));
    }

    /** Records where parameter {@code index} sits; an int array, as boxed offsets past 127 were allocated one by one. */
    private void offset(int index, int at) {
        if (index >= paramOffsets.length) paramOffsets = java.util.Arrays.copyOf(paramOffsets, Math.max(4, index * 2));
        paramOffsets[index] = at;
    }

    /** The SQL so far. */
    public String text() {
        return sql.toString();
    }

    /** The parameters so far. */
    public List<Object> params() {
        return params;
    }

    /** Whether nothing was written. */
    public boolean isEmpty() {
        return sql.length() == 0;
    }

    /** The finished statement. */
    public Statement toStatement() {
        return Statement.handingOver(sql.toString(), params.toArray()); // a snapshot array: later appends do not show
    }
}
