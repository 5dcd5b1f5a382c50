package io.djorm.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A model's options (Django: {@code class Meta}). Put it on the model class. A Java {@code abstract}
 * model class is an abstract model: it has no table and its fields are inherited.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Meta {
    /** The table name; empty means {@code <app_label>_<modelname>}. */
    String dbTable() default "";

    /** The app label; empty means the last segment of the model's package. */
    String appLabel() default "";

    /** The default ordering, as in {@code orderBy}: {@code {"-published", "title"}}. */
    String[] ordering() default {};

    /** Extra indexes. */
    Index[] indexes() default {};

    /** Sets of fields that must be unique together (Django: {@code unique_together}). */
    UniqueTogether[] uniqueTogether() default {};

    /** CHECK constraints. */
    CheckConstraint[] checks() default {};

    /** Named UNIQUE constraints. */
    UniqueConstraint[] uniqueConstraints() default {};

    /** Whether migrations manage this table (Django: {@code managed}). */
    boolean managed() default true;

    /** A human name for messages and generated docs. */
    String verboseName() default "";
}
