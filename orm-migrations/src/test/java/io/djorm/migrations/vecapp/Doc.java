package io.djorm.migrations.vecapp;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.fields.IntegerField;
import io.djorm.vector.VectorField;

/** A document embedding, for the vector index migration test. */
public class Doc extends Model {
    /** The embedding length. */
    public static final int DIMENSIONS = 8;

    @IntegerField
    public Integer topic;

    @VectorField(dimensions = DIMENSIONS)
    public float[] embedding;

    /** The default manager. */
    public static Manager<Doc> objects() {
        return Manager.of(Doc.class);
    }
}
