package io.djorm.vector;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a libSQL vector index on a {@link VectorField}, so that {@code makemigrations} writes the
 * {@code AddVectorIndex} operation (and {@code RemoveVectorIndex} when the declaration goes), as Django's
 * autodetector does for pgvector's {@code HnswIndex} in {@code Meta.indexes}. The index is
 * {@link VectorIndex#forField}'s, with the options given here; the defaults are
 * {@link VectorIndex#recommended()}'s. With {@link #ifSupported()} (the default) the migration skips the
 * index on databases without vector indexes (SQLite files, tursodb), so one migration runs everywhere.
 *
 * <pre>{@code
 * @VectorField(dimensions = 384)
 * @VectorIndexed
 * public float[] embedding;
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface VectorIndexed {
    /** The index name; empty means {@code <table>_<column>_vidx}. */
    String name() default "";

    /** The distance the index orders by. */
    VectorIndex.Metric metric() default VectorIndex.Metric.COSINE;

    /** {@code max_neighbors}: the graph's degree; 0 leaves libSQL's default. */
    int maxNeighbors() default VectorIndex.RECOMMENDED_MAX_NEIGHBORS;

    /** {@code compress_neighbors}: how neighbours' vectors are stored ({@code float8}, ...); empty leaves them uncompressed. */
    String compressNeighbors() default "float8";

    /** {@code search_l}: candidates visited per search; 0 leaves libSQL's default. */
    int searchL() default VectorIndex.RECOMMENDED_SEARCH_L;

    /** {@code insert_l}: candidates visited per insert; 0 leaves libSQL's default. */
    int insertL() default 0;

    /** Whether databases without vector indexes skip the index instead of failing the migration. */
    boolean ifSupported() default true;
}
