/**
 * Internals of orm-vector: the libSQL blob and text formats, the distance loops, the sqlite-jdbc
 * function classes and the {@code VectorField} field kind. Not API; may change at any time.
 */
package io.djorm.vector.internal;
