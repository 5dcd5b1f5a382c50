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
        sql.append(other.sql);
        params.addAll(other.params);
        return this;
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
        return new Statement(sql.toString(), params);
    }
}
