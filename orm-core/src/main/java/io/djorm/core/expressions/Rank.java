package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;
import java.util.ArrayList;
import java.util.List;

/**
 * The row's rank in its partition with gaps after ties (Django: {@code Rank}); use inside a
 * {@link Window} with an ordering. Rendered portably as "rows up to and including my peers, minus my
 * peers, plus one", with two COUNT windows, because tursodb servers have no RANK().
 */
public final class Rank extends WindowFunction {
    /** RANK(). */
    public Rank() {
        super("RANK");
    }

    @Override
    void renderOver(SqlWriter out, List<Expression> partitionBy, List<OrderBy> orderBy) {
        Count rows = new Count("*");
        out.sql("(").expression(rows).sql(" ");
        Window.renderOverClause(out, partitionBy, orderBy);
        List<Expression> peers = new ArrayList<>(partitionBy);
        for (OrderBy o : orderBy) peers.add(o.expression());
        out.sql(" - ").expression(rows).sql(" ");
        Window.renderOverClause(out, peers, List.of());
        out.sql(" + 1)");
    }

    @Override
    public FieldMeta outputField() {
        return OutputFields.INTEGER;
    }
}
