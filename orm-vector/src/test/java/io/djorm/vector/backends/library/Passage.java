package io.djorm.vector.backends.library;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.fields.IntegerField;
import io.djorm.vector.VectorField;

/** A passage's embedding and the cluster it was drawn from, for the approximate-search tests. */
public class Passage extends Model {
    /** The embedding length: modest, so that the tests build their index quickly. */
    public static final int DIMENSIONS = 16;

    @IntegerField
    public Integer cluster;

    @VectorField(dimensions = DIMENSIONS)
    public float[] embedding;

    /** The default manager. */
    public static Manager<Passage> objects() {
        return Manager.of(Passage.class);
    }
}
