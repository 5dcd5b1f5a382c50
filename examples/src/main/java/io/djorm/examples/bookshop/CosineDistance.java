package io.djorm.examples.bookshop;

import io.djorm.core.expressions.Func;
import io.djorm.core.expressions.OutputFields;
import io.djorm.core.expressions.Value;
import io.djorm.core.meta.FieldMeta;
import java.util.Arrays;

/** libSQL's {@code vector_distance_cos(field, vector32(query))}: 0 for the same direction, up to 2. */
public final class CosineDistance extends Func {
    /** The distance between a vector field and a query vector. */
    public CosineDistance(String field, float[] query) {
        super("vector_distance_cos", field, new Vector32(query));
    }

    @Override
    public FieldMeta outputField() {
        return OutputFields.FLOAT;
    }

    /** The query vector, bound as text and converted by {@code vector32}. */
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
