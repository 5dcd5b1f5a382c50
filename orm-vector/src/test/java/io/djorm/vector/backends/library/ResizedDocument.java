package io.djorm.vector.backends.library;

import io.djorm.core.Manager;
import io.djorm.core.Meta;
import io.djorm.core.Model;
import io.djorm.core.fields.CharField;
import io.djorm.vector.VectorField;

/**
 * {@link Document}'s table recreated with shorter embeddings: the schema change after which rows kept
 * for searches of the old table must not be used.
 */
@Meta(dbTable = "library_document")
public class ResizedDocument extends Model {
    /** The length of {@link #embedding}, unlike {@link Document#DIMENSIONS}. */
    public static final int DIMENSIONS = 4;

    @CharField(maxLength = 40)
    public String title;

    @VectorField(dimensions = DIMENSIONS)
    public float[] embedding;

    /** The default manager. */
    public static Manager<ResizedDocument> objects() {
        return Manager.of(ResizedDocument.class);
    }
}
