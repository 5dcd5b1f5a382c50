package io.djorm.vector;

import io.djorm.vector.internal.DistanceMetric;

/**
 * The Euclidean distance between two vectors, {@code |a - b|} (Django/pgvector: {@code L2Distance}).
 * Rendered as {@code vector_distance_l2(<vector>, vector32(?))}, read back as a Double; use it in
 * {@code annotate}, {@code orderBy} and, through an annotation, in {@code filter}:
 *
 * <pre>{@code
 * Passage.objects()
 *         .annotate("distance", new L2Distance("embedding", query))
 *         .filter("distance__lt", 0.5)
 *         .orderBy("distance")
 *         .list();
 * }</pre>
 *
 * <p>This is an exact search: every row's distance is computed. A NULL vector has a NULL distance.
 */
public final class L2Distance extends DistanceExpression {
    /**
     * The distance between {@code vector} and {@code other}.
     *
     * @param vector a field name such as {@code "embedding"} or an expression giving a vector
     * @param other  a query vector ({@code float[]}, {@code double[]} or {@code List<Number>}, checked
     *               against the field's dimensions before any SQL is sent), or a field name or
     *               expression giving a vector of the same length
     * @throws io.djorm.core.ValidationError when the query vector is empty or holds NaN or infinity
     */
    public L2Distance(Object vector, Object other) {
        super(DistanceMetric.L2, vector, other);
    }
}
