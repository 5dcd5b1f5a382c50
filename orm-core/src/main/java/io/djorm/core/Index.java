package io.djorm.core;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An index over one or more fields (Django: {@code models.Index}); a {@code -} prefix sorts descending. */
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Index {
    /** The field names, in index order. */
    String[] fields();

    /** The index name; empty means a stable generated name. */
    String name() default "";
}
