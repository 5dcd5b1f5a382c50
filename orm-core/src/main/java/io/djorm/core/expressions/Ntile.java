package io.djorm.core.expressions;

import io.djorm.core.FieldError;
import io.djorm.core.meta.FieldMeta;
import java.util.List;

/**
 * The number, from 1, of the bucket the row falls in when its partition is split into
 * {@code numBuckets} buckets as equal as possible, the first ones one row larger (Django: {@code Ntile});
 * use inside a {@link Window} with an ordering. Rendered portably from ROW_NUMBER and COUNT windows, so
 * it gives the same answer on every backend.
 */
public final class Ntile extends WindowFunction {
    private final long buckets;

    /** One bucket. */
    public Ntile() {
        this(1);
    }

    /** {@code numBuckets} buckets (at least 1). */
    public Ntile(long numBuckets) {
        super("NTILE", Value.of(checked(numBuckets)));
        this.buckets = numBuckets;
    }

    private static long checked(long n) {
        if (n <= 0) throw new FieldError("Ntile's number of buckets must be greater than 0, got " + n + ".");
        return n;
    }

    /**
     * With n rows and b buckets, the first n % b buckets hold n / b + 1 rows and the rest n / b: row r
     * (from 1) is in bucket (r - 1) / (size + 1) + 1 while it lies in the larger buckets, else after them.
     */
    @Override
    void renderOver(SqlWriter out, List<Expression> partitionBy, List<OrderBy> orderBy) {
        Runnable n = () -> WindowCounts.partitionRows(out, partitionBy);
        Runnable r = () -> WindowCounts.rowNumber(out, partitionBy, orderBy);
        Runnable size = () -> {
            out.sql("(");
            n.run();
            out.sql(" / " + buckets + ")");
        };
        Runnable larger = () -> {      // rows in the larger buckets: (n % b) * (size + 1)
            out.sql("((");
            n.run();
            out.sql(" % " + buckets + ") * (");
            size.run();
            out.sql(" + 1))");
        };
        out.sql("(CASE WHEN ");
        r.run();
        out.sql(" <= ");
        larger.run();
        out.sql(" THEN (");
        r.run();
        out.sql(" - 1) / (");
        size.run();
        out.sql(" + 1) + 1 ELSE (");
        n.run();
        out.sql(" % " + buckets + ") + (");
        r.run();
        out.sql(" - 1 - ");
        larger.run();
        out.sql(") / ");
        size.run();
        out.sql(" + 1 END)");
    }

    @Override
    public FieldMeta outputField() {
        return OutputFields.INTEGER;
    }
}
