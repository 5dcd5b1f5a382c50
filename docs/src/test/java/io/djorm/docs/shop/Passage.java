// region vectors-model
package io.djorm.docs.shop;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.fields.TextField;
import io.djorm.vector.VectorField;

/** A passage of text with its embedding, for the vector page. */
public class Passage extends Model {
    @TextField
    public String text;

    @VectorField(dimensions = 3)
    public float[] embedding;

    public static Manager<Passage> objects() {
        return Manager.of(Passage.class);
    }
}
// endregion vectors-model
