package io.djorm.core.meta;

import io.djorm.core.OnDelete;

/**
 * What a relation field points at.
 *
 * @param kind many-to-one (ForeignKey), one-to-one or many-to-many
 * @param target the target model as {@code "app_label.ModelName"}, a class name, or {@code "self"}
 * @param onDelete what deleting the target does to rows that point at it
 * @param relatedName the name of the reverse accessor on the target ({@code ""}: {@code <model>_set})
 * @param toField the target field the key refers to ({@code ""}: the primary key)
 * @param dbConstraint whether a FOREIGN KEY constraint is created
 * @param through for many-to-many, the join model ({@code ""}: an automatic table)
 */
public record Relation(Kind kind, String target, OnDelete onDelete, String relatedName, String toField,
                       boolean dbConstraint, String through) {

    /** The shape of a relation. */
    public enum Kind {
        /** ForeignKey: many rows of this model point at one target row. */
        MANY_TO_ONE,
        /** OneToOneField: a unique ForeignKey. */
        ONE_TO_ONE,
        /** ManyToManyField: rows on both sides relate through a join table. */
        MANY_TO_MANY
    }
}
