package io.djorm.vector;

import io.djorm.vector.internal.DistanceMetric;

/**
 * The cosine distance between two vectors, {@code 1 - cos(a, b)}: 0 when they point the same way, 1
 * when orthogonal, 2 when opposite (Django/pgvector: {@code CosineDistance}). Rendered as
 * {@code vector_distance_cos(<vector>, vector32(?))}, read back as a Double; use it in
 * {@code annotate}, {@code orderBy} and, through an annotation, in {@code filter}:
 *
 * <pre>{@code
 * Passage.objects()
 *         .annotate("score", new CosineDistance("embedding", query))
 *         .orderBy("score")
 *         .limit(10)
 *         .list();
 * }</pre>
 *
 * <p>This is an exact search: every row's distance is computed ({@code ORDER BY ... LIMIT k}). A NULL
 * vector has a NULL distance, which sorts first in ascending order; filter such rows out
 * ({@code filter("embedding__isnull", false)}) when the field is nullable.
 */
public final class CosineDistance extends DistanceExpression {
    /**
     * The distance between {@code vector} and {@code other}.
     *
     * @param vector a field name such as {@code "embedding"} or an expression giving a vector
     * @param other  a query vector ({@code float[]}, {@code double[]} or {@code List<Number>}, checked
     *               against the field's dimensions before any SQL is sent), or a field name or
     *               expression giving a vector of the same length
     * @throws io.djorm.core.ValidationError when the query vector is empty or holds NaN or infinity
     */
    public CosineDistance(Object vector, Object other) {
        super(DistanceMetric.COSINE, vector, other);
    }
}
