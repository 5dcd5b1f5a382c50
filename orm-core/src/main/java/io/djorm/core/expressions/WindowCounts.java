package io.djorm.core.expressions;

import java.util.ArrayList;
import java.util.List;

/**
 * Row counts over windows, the pieces of the portable rewrites of ranking functions (Ntile,
 * PercentRank, CumeDist): every SQLite-family engine has COUNT and ROW_NUMBER over a window, while
 * Turso's engine lacks NTILE, PERCENT_RANK and CUME_DIST. With an ORDER BY, the default frame ends at
 * the current row's last peer.
 */
final class WindowCounts {
    private static final Count ROWS = new Count("*");

    private WindowCounts() {
    }

    /** The rows of the partition. */
    static void partitionRows(SqlWriter out, List<Expression> partitionBy) {
        out.expression(ROWS).sql(" ");
        Window.renderOverClause(out, partitionBy, List.of());
    }

    /** The rows of the partition up to and including the current row's peers. */
    static void rowsThroughPeers(SqlWriter out, List<Expression> partitionBy, List<OrderBy> orderBy) {
        out.expression(ROWS).sql(" ");
        Window.renderOverClause(out, partitionBy, orderBy);
    }

    /** The current row's peers (rows with equal ordering values), itself included. */
    static void peers(SqlWriter out, List<Expression> partitionBy, List<OrderBy> orderBy) {
        List<Expression> peers = new ArrayList<>(partitionBy);
        for (OrderBy o : orderBy) peers.add(o.expression());
        out.expression(ROWS).sql(" ");
        Window.renderOverClause(out, peers, List.of());
    }

    /** The row's position in its partition, from 1. */
    static void rowNumber(SqlWriter out, List<Expression> partitionBy, List<OrderBy> orderBy) {
        out.sql("ROW_NUMBER() ");
        Window.renderOverClause(out, partitionBy, orderBy);
    }
}
