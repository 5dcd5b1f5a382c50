package io.djorm.vector.backends.library;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.vector.VectorField;

/** A text chunk's embedding at a typical sentence-embedding size (384), for the search benchmark. */
public class Chunk extends Model {
    /** The embedding length. */
    public static final int DIMENSIONS = 384;

    @VectorField(dimensions = DIMENSIONS)
    public float[] embedding;

    /** The default manager. */
    public static Manager<Chunk> objects() {
        return Manager.of(Chunk.class);
    }
}
