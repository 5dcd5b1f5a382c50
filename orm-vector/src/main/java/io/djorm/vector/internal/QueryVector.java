package io.djorm.vector.internal;

import io.djorm.core.ValidationError;
import io.djorm.core.expressions.Expression;
import io.djorm.core.expressions.Resolver;
import io.djorm.core.expressions.SqlWriter;
import io.djorm.core.meta.FieldMeta;
import java.util.List;

/**
 * A vector given in Java to compare rows with, written as {@code vector32(?)} with its F32 blob bound.
 * It is checked when made (finite numbers, at least one) and again against the vector field it is
 * compared with (the field's number of dimensions), so a bad query vector never reaches SQL.
 */
public final class QueryVector implements Expression {
    private static final String NAME = "query vector";

    private final float[] elements;

    private QueryVector(float[] elements) {
        this.elements = elements;
    }

    /** Whether {@code value} is something {@link #of} reads: {@code float[]}, {@code double[]} or a {@code List}. */
    public static boolean isVectorValue(Object value) {
        return value instanceof float[] || value instanceof double[] || value instanceof List<?>;
    }

    /**
     * A query vector from a {@code float[]}, {@code double[]} or {@code List<Number>} (copied).
     *
     * @throws ValidationError when it is empty or holds a NaN, an infinity or a non-number
     */
    public static QueryVector of(Object value) {
        float[] elements = VectorType.toFloats(value, NAME);
        if (elements.length == 0) throw new ValidationError(NAME, "The query vector is empty; give at least one number.");
        List<String> problems = new java.util.ArrayList<>(1);
        VectorType.checkFinite(elements, NAME, problems);
        if (!problems.isEmpty()) throw new ValidationError(NAME, problems.get(0));
        return new QueryVector(elements == value ? elements.clone() : elements);
    }

    /**
     * Checks this vector against the vector it is compared with: a {@code VectorField} column must
     * have as many dimensions.
     *
     * @throws ValidationError when the lengths differ
     */
    public QueryVector checkAgainst(FieldMeta other) {
        if (other != null && other.type() instanceof VectorType) {
            other.type().coerce(elements, other);
        }
        return this;
    }

    /** The elements (a copy). */
    public float[] elements() {
        return elements.clone();
    }

    /** The number of elements. */
    public int dimensions() {
        return elements.length;
    }

    @Override
    public Expression resolve(Resolver resolver) {
        return this;
    }

    @Override
    public void render(SqlWriter out) {
        out.sql(VectorSql.queryVectorFunction(out.dialect())).sql("(").param(VectorType.f32Blob(elements)).sql(")");
    }

    @Override
    public String toString() {
        return "QueryVector(" + elements.length + " dimensions)";
    }
}
