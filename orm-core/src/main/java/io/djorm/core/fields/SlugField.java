package io.djorm.core.fields;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Letters, digits, hyphens and underscores, indexed by default; Django {@code SlugField}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@FieldKind(io.djorm.core.internal.fields.SlugType.class)
public @interface SlugField {
    /** The largest number of characters the field accepts. */
    int maxLength() default 50;

    /** Whether the column accepts NULL (Django: {@code null=True}). */
    boolean nullable() default false;

    /** Whether validation accepts an empty value (Django: {@code blank=True}). */
    boolean blank() default false;

    /** Whether the column carries a UNIQUE constraint. */
    boolean unique() default false;

    /** Whether the column gets an index (Django: {@code db_index=True}). */
    boolean dbIndex() default false;

    /** The column name; empty means the field name (plus {@code _id} for relations). */
    String dbColumn() default "";

    /** Whether this field is the primary key instead of the implicit {@code id}. */
    boolean primaryKey() default false;

    /** The default value as text, parsed by the field kind ({@code "0"}, {@code "true"}, {@code "2024-01-31"}); unset by default. */
    String defaultValue() default FieldDefaults.NONE;

    /** Allowed values, each {@code "value"} or {@code "value=Label"} (Django: {@code choices}). */
    String[] choices() default {};

    /** Whether the field takes part in validation and forms (Django: {@code editable}). */
    boolean editable() default true;

    /** A description for documentation and generated forms. */
    String helpText() default "";
}
