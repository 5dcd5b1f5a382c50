package io.djorm.core;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A named UNIQUE constraint over fields (Django: {@code UniqueConstraint}). */
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface UniqueConstraint {
    /** The constraint name. */
    String name();

    /** The field names. */
    String[] fields();
}
