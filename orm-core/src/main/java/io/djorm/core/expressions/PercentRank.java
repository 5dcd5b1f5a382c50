package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;
import java.util.List;

/**
 * The row's relative rank in its partition, {@code (rank - 1) / (rows - 1)}, from 0 to 1, and 0 in a
 * partition of one row (Django: {@code PercentRank}); use inside a {@link Window} with an ordering.
 * Rendered portably with COUNT windows, so it gives the same answer on every backend.
 */
public final class PercentRank extends WindowFunction {
    /** PERCENT_RANK(). */
    public PercentRank() {
        super("PERCENT_RANK");
    }

    @Override
    void renderOver(SqlWriter out, List<Expression> partitionBy, List<OrderBy> orderBy) {
        // rank - 1 is the number of rows before the current row's peers.
        out.sql("COALESCE(CAST(");
        WindowCounts.rowsThroughPeers(out, partitionBy, orderBy);
        out.sql(" - ");
        WindowCounts.peers(out, partitionBy, orderBy);
        out.sql(" AS REAL) / NULLIF(");
        WindowCounts.partitionRows(out, partitionBy);
        out.sql(" - 1, 0), 0.0)");
    }

    @Override
    public FieldMeta outputField() {
        return OutputFields.FLOAT;
    }
}
