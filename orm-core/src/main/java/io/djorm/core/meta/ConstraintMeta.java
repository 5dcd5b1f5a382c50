package io.djorm.core.meta;

import java.util.List;

/**
 * A table constraint.
 *
 * @param name the constraint name
 * @param kind CHECK or UNIQUE
 * @param fields for UNIQUE, the field names
 * @param conditions for CHECK, lookup conditions ({@code "pages__gte=0"}) that must all hold
 */
public record ConstraintMeta(String name, Kind kind, List<String> fields, List<String> conditions) {
    /** The kind of a constraint. */
    public enum Kind {
        /** A CHECK constraint. */
        CHECK,
        /** A UNIQUE constraint. */
        UNIQUE
    }
}
