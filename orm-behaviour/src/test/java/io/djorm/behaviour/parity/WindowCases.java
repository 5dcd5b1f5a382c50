package io.djorm.behaviour.parity;

import static io.djorm.core.expressions.F.F;

import io.djorm.core.expressions.Avg;
import io.djorm.core.expressions.Count;
import io.djorm.core.expressions.DenseRank;
import io.djorm.core.expressions.Lag;
import io.djorm.core.expressions.Lead;
import io.djorm.core.expressions.Rank;
import io.djorm.core.expressions.RowNumber;
import io.djorm.core.expressions.Sum;
import io.djorm.core.expressions.Window;
import java.util.function.Supplier;

/** Twin of corpus/windows.py: window functions over the books. */
final class WindowCases implements CaseSource {
    private static void w(Corpus c, String id, Supplier<Window> window) {
        c.add("windows." + id, () -> Book.objects().annotate("x", window.get()).valuesList("id", "x").list());
    }

    @Override
    public void define(Corpus c) {
        w(c, "row_number", () -> new Window(new RowNumber()).orderBy(F("pages").asc().nullsLast(), F("id").asc()));
        w(c, "row_number_partition", () -> new Window(new RowNumber()).partitionBy("author").orderBy(F("id").asc()));
        w(c, "rank_ties", () -> new Window(new Rank()).orderBy(F("price").asc()));
        w(c, "rank_partition_desc", () -> new Window(new Rank()).partitionBy("author").orderBy(F("pages").desc()));
        w(c, "dense_rank_ties", () -> new Window(new DenseRank()).orderBy(F("price").asc()));
        w(c, "dense_rank_partition", () -> new Window(new DenseRank()).partitionBy("printed").orderBy(F("price").desc()));
        w(c, "lag", () -> new Window(new Lag("pages")).orderBy(F("id").asc()));
        w(c, "lag_offset_default", () -> new Window(new Lag("pages", 2, 0)).orderBy(F("id").asc()));
        w(c, "lag_partition", () -> new Window(new Lag("title")).partitionBy("author").orderBy(F("id").asc()));
        w(c, "lead", () -> new Window(new Lead("price")).orderBy(F("id").asc()));
        w(c, "lead_default", () -> new Window(new Lead("pages", 1, -1)).partitionBy("author").orderBy(F("id").asc()));
        w(c, "sum_partition", () -> new Window(new Sum("pages")).partitionBy("author"));
        w(c, "sum_running", () -> new Window(new Sum("pages")).orderBy(F("id").asc()));
        w(c, "count_partition", () -> new Window(new Count("id")).partitionBy("publisher"));
        w(c, "avg_partition", () -> new Window(new Avg("pages")).partitionBy("printed"));
    }
}
