package io.djorm.core;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A CHECK constraint (Django: {@code CheckConstraint}). The condition is written with lookups, each
 * {@code "field__lookup=value"}, all of which must hold: {@code check = {"pages__gte=0"}}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface CheckConstraint {
    /** The constraint name, unique in the database. */
    String name();

    /** Lookup conditions that must all hold. */
    String[] check();
}
