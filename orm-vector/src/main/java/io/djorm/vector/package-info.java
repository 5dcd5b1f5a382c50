/**
 * Vectors for djorm: {@link io.djorm.vector.VectorField} declares an embedding column ({@code F32_BLOB(n)}),
 * and {@link io.djorm.vector.VectorFunctions} gives plain SQLite files libSQL's vector SQL functions, so the
 * same queries run on a local file and on a libSQL server.
 */
package io.djorm.vector;
