package io.djorm.core;

/**
 * What deleting a referenced row does to the rows that point at it (Django: {@code on_delete}, with
 * {@code models.CASCADE} and the others), given to {@code @ForeignKey} and {@code @OneToOneField}.
 */
public enum OnDelete {
    /** Delete the referring rows too (Django: {@code CASCADE}). */
    CASCADE,
    /** Refuse the delete with {@link ProtectedError} (Django: {@code PROTECT}). */
    PROTECT,
    /** Refuse unless the referring rows are deleted by the same cascade (Django: {@code RESTRICT}). */
    RESTRICT,
    /** Set the key to NULL; the field must be nullable (Django: {@code SET_NULL}). */
    SET_NULL,
    /** Set the key to the field's default (Django: {@code SET_DEFAULT}). */
    SET_DEFAULT,
    /** Do nothing; the database decides (Django: {@code DO_NOTHING}). */
    DO_NOTHING
}
