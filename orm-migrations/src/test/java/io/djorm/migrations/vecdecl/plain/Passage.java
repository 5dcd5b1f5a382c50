package io.djorm.migrations.vecdecl.plain;

import io.djorm.core.Manager;
import io.djorm.core.Meta;
import io.djorm.core.Model;
import io.djorm.vector.VectorField;

/** A passage the same model once its vector index declaration is gone, for the makemigrations test. */
@Meta(appLabel = "vecdecl")
public class Passage extends Model {
    /** The embedding length. */
    public static final int DIMENSIONS = 8;

    @VectorField(dimensions = DIMENSIONS)
    public float[] embedding;

    /** The default manager. */
    public static Manager<Passage> objects() {
        return Manager.of(Passage.class);
    }
}
