package io.djorm.vector;

import io.djorm.core.fields.FieldDefaults;
import io.djorm.core.fields.FieldKind;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An embedding vector of a fixed number of dimensions, stored as libSQL's {@code F32_BLOB(n)} column:
 * little-endian 32-bit floats, the format of {@code vector32()}. Java type {@code float[]}; assigning a
 * {@code double[]} or a {@code List<Number>} converts it, and a vector of the wrong length or with a
 * NaN or infinite element fails validation before any SQL is sent.
 *
 * <pre>{@code
 * @VectorField(dimensions = 384)
 * public float[] embedding;
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@FieldKind(io.djorm.vector.internal.VectorType.class)
public @interface VectorField {
    /** The number of elements every vector of this field has (1 to 65536, libSQL's limit). */
    int dimensions();

    /** Whether the column accepts NULL (Django: {@code null=True}). */
    boolean nullable() default false;

    /** Whether validation accepts an empty value (Django: {@code blank=True}). */
    boolean blank() default false;

    /** Whether the column carries a UNIQUE constraint. */
    boolean unique() default false;

    /** Whether the column gets an index (Django: {@code db_index=True}). */
    boolean dbIndex() default false;

    /** The column name; empty means the field name. */
    String dbColumn() default "";

    /** Whether this field is the primary key instead of the implicit {@code id}. */
    boolean primaryKey() default false;

    /** The default value as vector text, such as {@code "[0, 0, 0]"}; unset by default. */
    String defaultValue() default FieldDefaults.NONE;

    /** Allowed values, each {@code "value"} or {@code "value=Label"} (Django: {@code choices}). */
    String[] choices() default {};

    /** Whether the field takes part in validation and forms (Django: {@code editable}). */
    boolean editable() default true;

    /** A description for documentation and generated forms. */
    String helpText() default "";
}
