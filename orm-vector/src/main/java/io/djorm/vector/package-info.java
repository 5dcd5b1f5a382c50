/**
 * Vectors for djorm: embeddings stored in the database and searched by similarity, on libSQL servers
 * and on plain SQLite files alike.
 *
 * <ul>
 *   <li>{@link io.djorm.vector.VectorField} declares an embedding column ({@code F32_BLOB(n)}, a
 *       {@code float[]} in Java); a vector of the wrong length fails validation before any SQL.</li>
 *   <li>{@link io.djorm.vector.CosineDistance} and {@link io.djorm.vector.L2Distance} are query
 *       expressions for {@code annotate}, {@code orderBy} and {@code filter};
 *       {@link io.djorm.vector.MaxInnerProduct} raises {@code NotSupportedError} on the SQLite family
 *       and says to use cosine distance on unit vectors.</li>
 *   <li>{@link io.djorm.vector.VectorFunctions} gives SQLite files libSQL's vector SQL functions, so the
 *       same queries run on a local file and on a server.</li>
 *   <li>{@link io.djorm.vector.VectorIndex} creates libSQL's approximate index where a server has one.</li>
 * </ul>
 *
 * <p><b>Exact search is the fallback everywhere.</b> A top-k query,
 * {@code annotate("score", new CosineDistance("embedding", q)).orderBy("score").slice(0, k)}, is
 * {@code ORDER BY vector_distance_cos(...) LIMIT k}: every row's distance is computed, so results are
 * exact and need no index. On a SQLite file that is about 0.2 s for 100,000 vectors of 384 dimensions.
 * Defer the embedding ({@code .defer("embedding")}) when the results need no vectors: SQLite then keeps
 * the blobs out of its top-k sorter, about 10% faster.
 */
package io.djorm.vector;
