package io.djorm.migrations.vecdecl.indexed;

import io.djorm.core.Manager;
import io.djorm.core.Meta;
import io.djorm.core.Model;
import io.djorm.vector.VectorField;
import io.djorm.vector.VectorIndexed;

/** A passage whose embedding declares a vector index, for the makemigrations test. */
@Meta(appLabel = "vecdecl")
public class Passage extends Model {
    /** The embedding length. */
    public static final int DIMENSIONS = 8;

    @VectorField(dimensions = DIMENSIONS)
    @VectorIndexed(maxNeighbors = 16, searchL = 100)
    public float[] embedding;

    /** The default manager. */
    public static Manager<Passage> objects() {
        return Manager.of(Passage.class);
    }
}
