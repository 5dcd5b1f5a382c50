package io.djorm.benchmarks.vectors;

import io.djorm.core.Manager;
import io.djorm.core.Meta;
import io.djorm.core.Model;
import io.djorm.vector.VectorField;

/** A stored embedding of {@value #DIMENSIONS} dimensions, the row of the vector search benchmark. */
@Meta(dbTable = "bench_embedding")
public class Embedding extends Model {
    /** The number of dimensions of every embedding. */
    public static final int DIMENSIONS = 384;

    @VectorField(dimensions = DIMENSIONS)
    public float[] embedding;

    /** The default manager. */
    public static Manager<Embedding> objects() {
        return Manager.of(Embedding.class);
    }
}
