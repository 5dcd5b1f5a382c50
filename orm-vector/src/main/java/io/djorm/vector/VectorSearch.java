package io.djorm.vector;

import io.djorm.core.Djorm;
import io.djorm.core.FieldError;
import io.djorm.core.Model;
import io.djorm.core.QuerySet;
import io.djorm.core.expressions.Expression;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.Database;
import io.djorm.core.spi.ReplicaDatabase;
import io.djorm.core.spi.Statement;
import io.djorm.sqlite.SqliteDatabase;
import io.djorm.vector.internal.ExactDistance;
import io.djorm.vector.internal.LocalSearch;
import io.djorm.vector.internal.QueryVector;
import io.djorm.vector.internal.ScanProbe;
import io.djorm.vector.internal.VectorDistance;
import io.djorm.vector.internal.VectorIndexes;
import io.djorm.vector.internal.VectorCache;
import io.djorm.vector.internal.VectorTopK;
import io.djorm.vector.internal.VectorType;
import java.util.List;
import java.util.Optional;

/**
 * Nearest-neighbour search over a queryset: the {@code k} rows nearest to a query vector, nearest
 * first, each annotated with its distance under {@link #DISTANCE} (Django / pgvector:
 * {@code qs.annotate(distance=CosineDistance("embedding", q)).order_by("distance")[:k]}).
 *
 * <pre>{@code
 * List<Doc> hits = VectorSearch.nearest(Doc.objects().filter("lang", "en"), "embedding", query, 10);
 * double d = (Double) hits.get(0).annotation(VectorSearch.DISTANCE);
 * }</pre>
 *
 * <p>Where the column has a libSQL vector index with the metric asked for ({@link VectorIndex}, libSQL
 * servers only), the search is approximate and fast: the rows come from
 * {@code pk IN (SELECT id FROM vector_top_k(index, query, n))} ({@code n} = {@code k} unless given),
 * the queryset's filters apply to them, and they are ordered by their exact distance. When filters
 * leave fewer than {@code k} of the {@code n} candidates, {@code n} grows (up to
 * {@value #MAX_CANDIDATE_ROUNDS} rounds), then the search falls back to exact. Exact search reads the
 * vectors of a local file (SQLite, or an embedded replica outside a transaction) in one scan, with the
 * filters in SQL, and ranks them in Java with the arithmetic of {@code vector_distance_cos} /
 * {@code vector_distance_l2}; on a server it is {@code ORDER BY distance, pk LIMIT k}, computed there.
 * The SQL log shows which ran. Either way the result has the same shape, ties rank by primary key, and
 * rows whose vector is NULL are left out. The model's primary key must be an integer (the rowid) for
 * the index to be used.
 *
 * <p>On a local file, the rows an exact search read are kept decoded in memory for the next search of
 * the same queryset (same filters), outside transactions, for as long as nothing is committed to the
 * file (SQLite's {@code PRAGMA data_version}) or pulled into the replica; then they are read again. They
 * take about 4 bytes per dimension per row plus 40 bytes per row (154 MB for 100,000 vectors of 384
 * dimensions). {@link #setCacheLimit(long)} bounds the total over all aliases (by default a quarter of
 * the maximum heap, or the system property {@value VectorCache#LIMIT_PROPERTY}); 0 turns keeping off.
 */
public final class VectorSearch {
    /** The annotation holding each row's distance to the query vector. */
    public static final String DISTANCE = "distance";
    /** How often the candidate count is multiplied by 4 when filters leave too few rows. */
    public static final int MAX_CANDIDATE_ROUNDS = 3;
    /**
     * How many candidates per wanted row the index is asked for by default. More candidates did not
     * reliably raise recall in the benchmark (docs/benchmarks.md), so the default asks for k; pass
     * {@code candidates} to ask for more.
     */
    public static final int DEFAULT_OVERSAMPLING = 1;

    private VectorSearch() {
    }

    /**
     * Sets how many bytes of decoded vectors exact searches on local files may keep between searches,
     * over all aliases; the least recently used row sets are dropped to fit, and a row set larger than
     * the limit is never kept (its searches read the file each time). {@code 0} turns keeping off.
     */
    public static void setCacheLimit(long bytes) {
        VectorCache.setLimit(bytes);
    }

    /** The byte limit of {@link #setCacheLimit(long)}. */
    public static long cacheLimit() {
        return VectorCache.limit();
    }

    /** Drops every kept row set; the next search of each reads the file again. */
    public static void clearCache() {
        VectorCache.clear();
    }

    /** The {@code k} rows of {@code rows} nearest to {@code query} by cosine distance, nearest first. */
    public static <T extends Model> List<T> nearest(QuerySet<T> rows, String field, Object query, int k) {
        return nearest(rows, field, query, k, VectorIndex.Metric.COSINE);
    }

    /**
     * The {@code k} rows of {@code rows} nearest to {@code query} by {@code metric}, nearest first, each
     * annotated with its distance under {@link #DISTANCE}.
     *
     * @param field a {@code @VectorField} of the queryset's model
     * @param query a {@code float[]}, {@code double[]} or {@code List<Number>} of the field's length
     * @throws FieldError when the field is not a vector field of the model
     */
    public static <T extends Model> List<T> nearest(QuerySet<T> rows, String field, Object query, int k,
                                                    VectorIndex.Metric metric) {
        return nearest(rows, field, query, k, metric, k * DEFAULT_OVERSAMPLING);
    }

    /**
     * Like {@link #nearest(QuerySet, String, Object, int, VectorIndex.Metric)}, asking an index for
     * {@code candidates} rows (at least {@code k}) before filters and exact ranking. Without an index the search is exact and this has no effect.
     */
    public static <T extends Model> List<T> nearest(QuerySet<T> rows, String field, Object query, int k,
                                                    VectorIndex.Metric metric, int candidates) {
        if (k <= 0) throw new IllegalArgumentException("k is " + k + "; ask for at least one row.");
        if (candidates < k) throw new IllegalArgumentException("candidates is " + candidates + "; ask for at least k = " + k + ".");
        ModelMeta meta = rows.model();
        FieldMeta vector = vectorField(meta, field);
        QueryVector probe = QueryVector.of(query).checkAgainst(vector);
        Expression distance = metric == VectorIndex.Metric.L2 ? new L2Distance(field, query) : new CosineDistance(field, query);
        // Rows without a vector have no distance: they are never neighbours, on either path.
        QuerySet<T> withVectors = rows.filter(field + "__isnull", false);
        QuerySet<T> ranked = withVectors.annotate(DISTANCE, distance).orderBy(DISTANCE, "pk");
        boolean rowidKey = VectorIndexes.rowidKey(meta);
        Optional<String> index = rowidKey
                ? Djorm.handle(rows.db()).call(c -> VectorIndexes.find(c, meta.dbTable(), vector.column(), metric.option()))
                : Optional.empty();
        if (index.isPresent()) {
            int asked = candidates;
            for (int round = 0; round <= MAX_CANDIDATE_ROUNDS; round++, asked *= 4) {
                List<T> found = ranked.filter(new VectorTopK(index.get(), probe, asked)).slice(0, k).list();
                if (found.size() == k) return found;
            }
        }
        if (readsLocally(rows.db())) {
            Statement scan = withVectors.orderBy().valuesList("pk", field).statement();
            ScanProbe scorer = new ScanProbe(metric == VectorIndex.Metric.L2 ? VectorDistance.L2 : VectorDistance.COSINE,
                    probe.elements());
            return LocalSearch.nearest(rows.db(), scan, scorer, k,
                    keys -> keys.isEmpty() ? List.<T>of() : ranked.filter("pk__in", keys).list());
        }
        // Exact on the server, even where an index exists (the candidates above were too few).
        return withVectors.annotate(DISTANCE, new ExactDistance(distance)).orderBy(DISTANCE, "pk").slice(0, k).list();
    }

    /**
     * Whether reads of this alias are answered from a local file (a SQLite file, or an embedded
     * replica outside a transaction): there, scanning the blobs into Java is cheaper than a SQL
     * function per row. A server computes the distances itself, so no vectors cross the network.
     */
    private static boolean readsLocally(String alias) {
        Database database = Djorm.handle(alias).database();
        if (database instanceof SqliteDatabase) return true;
        return database instanceof ReplicaDatabase && !Djorm.connection(alias).inAtomicBlock();
    }

    private static FieldMeta vectorField(ModelMeta meta, String field) {
        FieldMeta f = meta.fields().stream().filter(x -> x.name().equals(field)).findFirst()
                .orElseThrow(() -> new FieldError(meta.javaClass().getSimpleName() + " has no field '" + field
                        + "'; nearest() needs a @VectorField of the model."));
        if (!(f.type() instanceof VectorType)) {
            throw new FieldError("Field '" + field + "' is a " + f.type().internalType() + "; nearest() needs a @VectorField.");
        }
        return f;
    }
}
