package io.djorm.vector.internal;

import io.djorm.core.DataError;
import io.djorm.core.FieldError;
import io.djorm.core.ValidationError;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.FieldType;
import io.djorm.core.spi.Dialect;
import io.djorm.core.spi.RowCursor;
import io.djorm.vector.VectorField;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;

/**
 * The field kind behind {@link VectorField}: a {@code float[]} of fixed length, stored as an F32 blob
 * in an {@code F32_BLOB(n)} column. Input is checked when it is coerced, so a vector of the wrong length
 * or with a NaN or infinite element never reaches the database.
 */
public final class VectorType extends FieldType {
    /** The parameter holding the number of dimensions. */
    public static final String DIMENSIONS = "dimensions";
    /** libSQL's largest vector. */
    public static final int MAX_DIMENSIONS = 65536;

    private static final VectorFormat STORED = VectorFormat.F32;

    @Override
    public String internalType() {
        return "VectorField";
    }

    @Override
    public void configure(FieldMeta.Builder field, Annotation declaration) {
        if (!(declaration instanceof VectorField vector)) {
            throw new FieldError("Field '" + field.name() + "' uses VectorType through @"
                    + declaration.annotationType().getSimpleName() + "; declare it with @VectorField(dimensions = n).");
        }
        int dimensions = vector.dimensions();
        if (dimensions < 1 || dimensions > MAX_DIMENSIONS) {
            throw new FieldError("Field '" + field.name() + "' has dimensions " + dimensions
                    + "; it must be between 1 and " + MAX_DIMENSIONS + ".");
        }
        field.param(DIMENSIONS, dimensions);
    }

    @Override
    public String columnType(Dialect dialect, FieldMeta field) {
        return "F32_BLOB(" + dimensions(field) + ")";
    }

    @Override
    public Object coerce(Object value, FieldMeta field) {
        if (value == null) return null;
        float[] vector = value instanceof String text ? fromText(text, field) : toFloats(value, field.name());
        List<String> problems = new ArrayList<>(1);
        check(vector, field, problems);
        if (!problems.isEmpty()) throw new ValidationError(field.name(), problems.get(0));
        return vector;
    }

    /**
     * The elements of a {@code float[]} (itself, not a copy), {@code double[]} or {@code List<Number>}.
     *
     * @param name the field, or what else holds the value, for messages
     * @throws ValidationError for any other value or a list element that is not a number
     */
    static float[] toFloats(Object value, String name) {
        if (value instanceof float[] floats) return floats;
        if (value instanceof double[] doubles) {
            float[] vector = new float[doubles.length];
            for (int i = 0; i < doubles.length; i++) vector[i] = (float) doubles[i];
            return vector;
        }
        if (value instanceof List<?> list) return fromList(list, name);
        throw new ValidationError(name, "Field '" + name + "' expected a vector (float[], double[] or List<Number>) but got "
                + value + " (" + value.getClass().getSimpleName() + ").");
    }

    private static float[] fromList(List<?> list, String name) {
        float[] vector = new float[list.size()];
        for (int i = 0; i < vector.length; i++) {
            Object element = list.get(i);
            if (!(element instanceof Number n)) {
                throw new ValidationError(name, "Field '" + name + "' expected numbers but element "
                        + (i + 1) + " is " + (element == null ? "null" : element.getClass().getSimpleName() + " " + element) + ".");
            }
            vector[i] = n.floatValue();
        }
        return vector;
    }

    private static float[] fromText(String text, FieldMeta field) {
        try {
            return new VectorView().wrap(VectorText.parse(text, STORED)).toFloats();
        } catch (InvalidVectorException e) {
            throw new ValidationError(field.name(), "Field '" + field.name() + "': " + e.getMessage() + ".");
        }
    }

    @Override
    public void validate(Object value, FieldMeta field, List<String> errors) {
        check((float[]) value, field, errors);
    }

    /** Adds at most one message: the first thing wrong with the vector. */
    private static void check(float[] vector, FieldMeta field, List<String> errors) {
        int expected = dimensions(field);
        if (vector.length != expected) {
            errors.add("Field '" + field.name() + "' expects a vector of " + expected + " dimensions but got "
                    + vector.length + ".");
            return;
        }
        checkFinite(vector, field.name(), errors);
    }

    /** Adds a message when an element is NaN or infinite (at most one message). */
    static void checkFinite(float[] vector, String name, List<String> errors) {
        for (int i = 0; i < vector.length; i++) {
            if (!Float.isFinite(vector[i])) {
                errors.add("Field '" + name + "' has " + vector[i] + " at element " + (i + 1)
                        + "; vector elements must be finite numbers within float range (±3.4e38).");
                return;
            }
        }
    }

    @Override
    public Object toDb(Object value, FieldMeta field) {
        if (value == null) return null;
        return f32Blob((float[]) coerce(value, field));
    }

    /** The F32 blob of a vector, as {@code vector32()} writes it. */
    static byte[] f32Blob(float[] vector) {
        byte[] blob = new byte[STORED.blobLength(vector.length)];
        for (int i = 0; i < vector.length; i++) LittleEndian.putFloat(blob, i * Float.BYTES, vector[i]);
        return blob;
    }

    @Override
    public Object read(RowCursor row, int column, FieldMeta field) {
        Object stored = row.getObject(column);
        if (stored == null) return null;
        try {
            if (stored instanceof byte[] blob) return new VectorView().wrap(blob).toFloats();
            if (stored instanceof String text) return new VectorView().wrap(VectorText.parse(text, STORED)).toFloats();
        } catch (InvalidVectorException e) {
            throw new DataError("Field '" + field.name() + "' holds a value that is not a vector: " + e.getMessage() + ".");
        }
        throw new DataError("Field '" + field.name() + "' holds " + stored.getClass().getSimpleName() + " " + stored
                + ", not a vector blob; write vectors through the field or with vector32('[...]').");
    }

    private static int dimensions(FieldMeta field) {
        Integer dimensions = field.intParam(DIMENSIONS);
        if (dimensions == null) {
            throw new FieldError("Field '" + field.name() + "' is a VectorField without the '" + DIMENSIONS + "' parameter.");
        }
        return dimensions;
    }
}
