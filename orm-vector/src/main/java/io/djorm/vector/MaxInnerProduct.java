package io.djorm.vector;

import io.djorm.vector.internal.DistanceMetric;

/**
 * The negated inner product of two vectors, {@code -(a · b)}, so that ordering ascending puts the
 * largest inner product first (Django/pgvector: {@code MaxInnerProduct}).
 *
 * <p>No backend djorm ships has an inner-product function shared by libSQL servers and SQLite files,
 * so compiling a query that uses it raises {@link io.djorm.core.NotSupportedError} before any SQL is
 * sent. Store unit-length vectors and use {@link CosineDistance} instead: for unit vectors the cosine
 * distance is {@code 1 - (a · b)}, which orders rows exactly as the inner product does.
 */
public final class MaxInnerProduct extends DistanceExpression {
    /**
     * The negated inner product of {@code vector} and {@code other}.
     *
     * @param vector a field name such as {@code "embedding"} or an expression giving a vector
     * @param other  a query vector ({@code float[]}, {@code double[]} or {@code List<Number>}), or a field
     *               name or expression giving a vector of the same length
     * @throws io.djorm.core.ValidationError when the query vector is empty or holds NaN or infinity
     */
    public MaxInnerProduct(Object vector, Object other) {
        super(DistanceMetric.NEGATIVE_INNER_PRODUCT, vector, other);
    }
}
