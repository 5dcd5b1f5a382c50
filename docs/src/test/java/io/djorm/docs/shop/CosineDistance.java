package io.djorm.docs.shop;

import io.djorm.core.expressions.Func;
import io.djorm.core.expressions.OutputFields;
import io.djorm.core.expressions.Value;
import io.djorm.core.meta.FieldMeta;
import java.util.Arrays;

/** libSQL's {@code vector_distance_cos} as a query expression. */
// region vectors-distance-function
public final class CosineDistance extends Func {
    /** The cosine distance between a vector field and a query vector: 0 same direction, 2 opposite. */
    public CosineDistance(String field, float[] query) {
        super("vector_distance_cos", field, new Vector32(query));
    }

    @Override
    public FieldMeta outputField() {
        return OutputFields.FLOAT;
    }

    /** {@code vector32('[...]')}: the query vector, bound as text and converted by the database. */
    private static final class Vector32 extends Func {
        Vector32(float[] v) {
            super("vector32", Value.of(Arrays.toString(v)));
        }

        @Override
        public FieldMeta outputField() {
            return OutputFields.TEXT;
        }
    }
}
// endregion vectors-distance-function
