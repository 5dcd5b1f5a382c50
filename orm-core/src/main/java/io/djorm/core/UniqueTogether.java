package io.djorm.core;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Fields whose combined values must be unique (Django: one entry of {@code unique_together}). */
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface UniqueTogether {
    /** The field names. */
    String[] value();
}
