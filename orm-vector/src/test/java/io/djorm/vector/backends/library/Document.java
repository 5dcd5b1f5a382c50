package io.djorm.vector.backends.library;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.fields.CharField;
import io.djorm.vector.VectorField;

/** A document with embeddings: a required one, an optional one of the same length, and a shorter one. */
public class Document extends Model {
    /** The length of {@link #embedding} and {@link #draft}. */
    public static final int DIMENSIONS = 8;

    @CharField(maxLength = 40)
    public String title;

    @VectorField(dimensions = DIMENSIONS)
    public float[] embedding;

    @VectorField(dimensions = DIMENSIONS, nullable = true)
    public float[] draft;

    @VectorField(dimensions = 4, nullable = true)
    public float[] thumbnail;

    /** The default manager. */
    public static Manager<Document> objects() {
        return Manager.of(Document.class);
    }
}
