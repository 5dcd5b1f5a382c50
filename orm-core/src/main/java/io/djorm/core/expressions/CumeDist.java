package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;
import java.util.List;

/**
 * The fraction of the partition's rows ordered up to and including the current row's peers, in
 * (0, 1] (Django: {@code CumeDist}); use inside a {@link Window} with an ordering. Rendered portably
 * as two COUNT windows, so it gives the same answer on every backend.
 */
public final class CumeDist extends WindowFunction {
    /** CUME_DIST(). */
    public CumeDist() {
        super("CUME_DIST");
    }

    @Override
    void renderOver(SqlWriter out, List<Expression> partitionBy, List<OrderBy> orderBy) {
        out.sql("(CAST(");
        WindowCounts.rowsThroughPeers(out, partitionBy, orderBy);
        out.sql(" AS REAL) / ");
        WindowCounts.partitionRows(out, partitionBy);
        out.sql(")");
    }

    @Override
    public FieldMeta outputField() {
        return OutputFields.FLOAT;
    }
}
