package io.djorm.vector.internal;

import io.djorm.core.NotSupportedError;
import io.djorm.core.spi.Dialect;
import io.djorm.sqlite.SqliteDialect;

/**
 * The vector SQL of each database family: which function computes a distance and how a query vector
 * is written. The SQLite family (SQLite files with djorm's Java functions, libSQL servers) has
 * {@code vector_distance_cos}, {@code vector_distance_l2} and {@code vector32()}, and no inner product
 * that libSQL servers and plain files share.
 */
public final class VectorSql {
    private VectorSql() {
    }

    /**
     * The SQL function computing {@code metric} on this dialect.
     *
     * @throws NotSupportedError when the database has no such function; the message names the way out
     */
    public static String distanceFunction(Dialect dialect, DistanceMetric metric) {
        requireSqliteFamily(dialect, metric.expressionName());
        return switch (metric) {
            case COSINE -> "vector_distance_cos";
            case L2 -> "vector_distance_l2";
            case NEGATIVE_INNER_PRODUCT -> throw new NotSupportedError("MaxInnerProduct is not supported by the "
                    + dialect.name() + " backend: libSQL servers and SQLite files have no inner-product function. "
                    + "Store unit-length vectors and order by CosineDistance instead: for unit vectors the cosine "
                    + "distance is 1 - (a · b), so the smallest cosine distance is the largest inner product.");
        };
    }

    /** The SQL function that turns a bound F32 blob into a vector ({@code vector32}); it returns the blob unchanged. */
    public static String queryVectorFunction(Dialect dialect) {
        requireSqliteFamily(dialect, "A query vector");
        return "vector32";
    }

    private static void requireSqliteFamily(Dialect dialect, String what) {
        if (!(dialect instanceof SqliteDialect)) {
            throw new NotSupportedError(what + " has no SQL on the " + dialect.name() + " backend: orm-vector knows "
                    + "the vector functions of the SQLite family only (SQLite files and libSQL servers).");
        }
    }
}
