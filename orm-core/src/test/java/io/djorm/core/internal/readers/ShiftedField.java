package io.djorm.core.internal.readers;

import io.djorm.core.fields.FieldKind;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A user's integer field kind, declared the way other modules declare theirs. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@FieldKind(ShiftedType.class)
public @interface ShiftedField {
    /** Whether the column accepts NULL. */
    boolean nullable() default false;
}
