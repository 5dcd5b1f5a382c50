package io.djorm.core.fields;

import io.djorm.core.meta.FieldType;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an annotation as a field declaration and names the {@link FieldType} that implements it. Other
 * modules add field kinds this way (orm-vector's {@code VectorField}). The field annotation's common
 * attributes ({@code nullable}, {@code unique}, ...) are read by name.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
public @interface FieldKind {
    /** The field type class; it needs a public no-argument constructor. */
    Class<? extends FieldType> value();
}
