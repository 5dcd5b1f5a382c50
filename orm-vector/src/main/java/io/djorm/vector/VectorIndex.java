package io.djorm.vector;

import io.djorm.core.DatabaseError;
import io.djorm.core.Djorm;
import io.djorm.core.FieldError;
import io.djorm.core.Model;
import io.djorm.core.NotSupportedError;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.Statement;
import io.djorm.sqlite.SqliteDialect;
import io.djorm.vector.internal.VectorType;
import java.util.Locale;
import java.util.Objects;

/**
 * libSQL's approximate nearest-neighbour index on a vector column (DiskANN):
 * {@code CREATE INDEX name ON table (libsql_vector_idx(column, 'metric=cosine', ...))}, with the
 * index's options ({@link #metric}, {@link #maxNeighbors}, {@link #compressNeighbors}, {@link #alpha},
 * {@link #searchL}, {@link #insertL}; {@link #recommended()} for a good start). Declare it on the
 * model with {@link VectorIndexed}, from which {@code makemigrations} writes an {@code AddVectorIndex}
 * operation (orm-migrations; see docs/vectors.md), or create it directly:
 *
 * <pre>{@code
 * VectorIndex index = VectorIndex.forField(Passage.class, "embedding").recommended();
 * Djorm.handle("default").call(index::createIfSupported);
 * }</pre>
 *
 * <p>{@link VectorSearch#nearest}, and a queryset annotated with a {@link CosineDistance} or
 * {@link L2Distance} of the column, ordered by it and limited, use such an index when one exists on
 * the column with that metric ({@code vector_top_k}), and search exactly otherwise.
 *
 * <p>Only the libSQL engine has this index: libSQL servers ({@code sqld}, Turso Cloud, the test kit's
 * libsql-server). SQLite files (the sqlite backend, libsql local mode) and the {@code tursodb} server do
 * not: {@link #create} raises {@link NotSupportedError} there and {@link #createIfSupported} does
 * nothing. Searches are correct either way: {@link CosineDistance} and {@link L2Distance} ordered with
 * a limit are an exact search over every row.
 */
public final class VectorIndex {
    // Identifiers are quoted the SQLite family's way: only that family has this index.
    private static final SqliteDialect SQL = new SqliteDialect();
    private static final String INDEX_FUNCTION = "libsql_vector_idx";

    private static final java.util.Set<String> COMPRESSIONS = java.util.Set.of("float1bit", "float8", "float16",
            "floatb16", "float32");

    /** The distance an index orders by. */
    public enum Metric {
        /** Cosine distance, as {@link CosineDistance} computes it (libSQL's default). */
        COSINE("cosine"),
        /** Euclidean distance, as {@link L2Distance} computes it. */
        L2("l2");

        private final String option;

        Metric(String option) {
            this.option = option;
        }

        /** The value of the index's {@code metric=} option. */
        public String option() {
            return option;
        }
    }

    private final String name;
    private final String table;
    private final String column;
    private final Metric metric;
    private final java.util.Map<String, String> options;

    /**
     * An index called {@code name} on {@code table.column}, a vector column ({@code F32_BLOB(n)}), by
     * cosine distance with libSQL's default settings. Names are as in the database (the model's db
     * table, the field's column).
     */
    public VectorIndex(String name, String table, String column) {
        this(requireName(name, "name"), requireName(table, "table"), requireName(column, "column"), Metric.COSINE,
                new java.util.LinkedHashMap<>());
    }

    private VectorIndex(String name, String table, String column, Metric metric, java.util.Map<String, String> options) {
        this.name = name;
        this.table = table;
        this.column = column;
        this.metric = metric;
        this.options = options;
    }

    /** This index ordering by {@code metric} (option {@code metric}). */
    public VectorIndex metric(Metric metric) {
        return new VectorIndex(name, table, column, Objects.requireNonNull(metric, "metric"), options);
    }

    /** This index keeping at most {@code n} neighbours per vector in its graph (option {@code max_neighbors}). */
    public VectorIndex maxNeighbors(int n) {
        return with("max_neighbors", positive(n, "maxNeighbors"));
    }

    /**
     * This index storing neighbour vectors compressed (option {@code compress_neighbors}): one of
     * {@code float1bit}, {@code float8}, {@code float16}, {@code floatb16}, {@code float32}.
     */
    public VectorIndex compressNeighbors(String type) {
        if (!COMPRESSIONS.contains(type)) {
            throw new IllegalArgumentException("compressNeighbors is '" + type + "'; use one of " + new java.util.TreeSet<>(COMPRESSIONS));
        }
        return with("compress_neighbors", type);
    }

    /** This index pruning its graph with density parameter {@code alpha} (option {@code alpha}, at least 1). */
    public VectorIndex alpha(double alpha) {
        if (!(alpha >= 1) || Double.isInfinite(alpha)) throw new IllegalArgumentException("alpha is " + alpha + "; give a number of at least 1");
        return with("alpha", Double.toString(alpha));
    }

    /** This index visiting {@code n} candidates per search (option {@code search_l}): more is slower and more exact. */
    public VectorIndex searchL(int n) {
        return with("search_l", positive(n, "searchL"));
    }

    /** This index visiting {@code n} candidates per insert (option {@code insert_l}). */
    public VectorIndex insertL(int n) {
        return with("insert_l", positive(n, "insertL"));
    }

    private VectorIndex with(String option, String value) {
        java.util.Map<String, String> copy = new java.util.LinkedHashMap<>(options);
        copy.put(option, value);
        return new VectorIndex(name, table, column, metric, copy);
    }

    private static String positive(int n, String what) {
        if (n <= 0) throw new IllegalArgumentException(what + " is " + n + "; give a number greater than 0");
        return Integer.toString(n);
    }

    /**
     * This index with the options measured to keep recall@10 against exact search at 0.95 or more on
     * 100,000 clustered vectors of 384 dimensions (docs/benchmarks.md): {@value #RECOMMENDED_MAX_NEIGHBORS}
     * neighbours per vector, compressed to {@code float8}, and {@value #RECOMMENDED_SEARCH_L} candidates
     * visited per search. libSQL's own defaults (about {@code 3 * sqrt(dimensions)} uncompressed
     * neighbours) store every neighbour's full vector, which at 384 dimensions is 90 kB per row.
     */
    public VectorIndex recommended() {
        return maxNeighbors(RECOMMENDED_MAX_NEIGHBORS).compressNeighbors("float8").searchL(RECOMMENDED_SEARCH_L);
    }

    /** The {@code max_neighbors} of {@link #recommended()}. */
    public static final int RECOMMENDED_MAX_NEIGHBORS = 64;
    /** The {@code search_l} of {@link #recommended()}. */
    public static final int RECOMMENDED_SEARCH_L = 600;

    /**
     * This index with an option given by its libSQL name ({@code max_neighbors}, {@code compress_neighbors},
     * {@code alpha}, {@code search_l}, {@code insert_l}), checked as its named method checks it; how
     * migration files store the options.
     *
     * @throws IllegalArgumentException for an unknown option or a bad value
     */
    public VectorIndex option(String option, String value) {
        try {
            return switch (option) {
                case "max_neighbors" -> maxNeighbors(Integer.parseInt(value));
                case "compress_neighbors" -> compressNeighbors(value);
                case "alpha" -> alpha(Double.parseDouble(value));
                case "search_l" -> searchL(Integer.parseInt(value));
                case "insert_l" -> insertL(Integer.parseInt(value));
                default -> throw new IllegalArgumentException("A vector index has no option '" + option + "'; use one of "
                        + "max_neighbors, compress_neighbors, alpha, search_l, insert_l (metric is set with metric()).");
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Vector index option " + option + " is '" + value + "'; give a number.", e);
        }
    }

    /** The options set besides the metric, by their libSQL names, in the order they were set. */
    public java.util.Map<String, String> options() {
        return java.util.Collections.unmodifiableMap(options);
    }

    /** The distance this index orders by. */
    public Metric metric() {
        return metric;
    }

    /** The metric whose option value ({@code cosine}, {@code l2}) is {@code option}. */
    public static Metric metricOf(String option) {
        for (Metric m : Metric.values()) if (m.option().equals(option)) return m;
        throw new IllegalArgumentException("A vector index metric is 'cosine' or 'l2', not '" + option + "'.");
    }

    /**
     * An index on a model's {@link VectorField}, named {@code <table>_<column>_vidx}.
     *
     * @throws FieldError when the model has no such field or it is not a {@code @VectorField}
     */
    public static VectorIndex forField(Class<? extends Model> model, String fieldName) {
        ModelMeta meta = Djorm.apps().register(model);
        FieldMeta field = meta.fields().stream().filter(f -> f.name().equals(fieldName)).findFirst()
                .orElseThrow(() -> new FieldError(model.getSimpleName() + " has no field '" + fieldName + "'."));
        if (!(field.type() instanceof VectorType)) {
            throw new FieldError("Field '" + fieldName + "' of " + model.getSimpleName() + " is a "
                    + field.type().internalType() + "; a vector index needs a @VectorField.");
        }
        return new VectorIndex(meta.dbTable() + "_" + field.column() + "_vidx", meta.dbTable(), field.column());
    }

    /**
     * The index a model declares on a field with {@link VectorIndexed}, or null when the field has no
     * such declaration (or the model no Java class, as in migration history).
     */
    public static VectorIndex declared(ModelMeta meta, String fieldName) {
        VectorIndexed d = declaration(meta.javaClass(), fieldName);
        if (d == null) return null;
        FieldMeta field = meta.findField(fieldName);
        if (field == null || !(field.type() instanceof VectorType)) {
            throw new FieldError("@VectorIndexed on '" + fieldName + "' of " + meta.label()
                    + " needs a @VectorField there; put both annotations on the vector field.");
        }
        String name = d.name().isEmpty() ? meta.dbTable() + "_" + field.column() + "_vidx" : d.name();
        VectorIndex index = new VectorIndex(name, meta.dbTable(), field.column()).metric(d.metric());
        if (d.maxNeighbors() != 0) index = index.maxNeighbors(d.maxNeighbors());
        if (!d.compressNeighbors().isEmpty()) index = index.compressNeighbors(d.compressNeighbors());
        if (d.searchL() != 0) index = index.searchL(d.searchL());
        if (d.insertL() != 0) index = index.insertL(d.insertL());
        return index;
    }

    /** The {@link VectorIndexed} on the Java field {@code fieldName} of {@code model} or a superclass, or null. */
    public static VectorIndexed declaration(Class<?> model, String fieldName) {
        for (Class<?> c = model; c != null && c != Object.class; c = c.getSuperclass()) {
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                if (f.getName().equals(fieldName)) return f.getAnnotation(VectorIndexed.class);
            }
        }
        return null;
    }

    private static String requireName(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) throw new IllegalArgumentException("A vector index needs a " + what + "; it is blank.");
        return value;
    }

    /** The index name. */
    public String name() {
        return name;
    }

    /** The table the index is on. */
    public String table() {
        return table;
    }

    /** The indexed column. */
    public String column() {
        return column;
    }

    /** The statement that creates the index, its options as the index function's string arguments. */
    public String createSql() {
        StringBuilder sql = new StringBuilder("CREATE INDEX ").append(SQL.quote(name)).append(" ON ")
                .append(SQL.quote(table)).append(" (").append(INDEX_FUNCTION).append("(").append(SQL.quote(column))
                .append(", 'metric=").append(metric.option()).append("'");
        options.forEach((option, value) -> sql.append(", '").append(option).append('=').append(value).append("'"));
        return sql.append("))").toString();
    }

    /** The statement that drops the index (with it, libSQL drops the index's shadow table). */
    public String dropSql() {
        return "DROP INDEX IF EXISTS " + SQL.quote(name);
    }

    /**
     * Creates the index.
     *
     * @throws NotSupportedError when the database has no vector index (SQLite files, tursodb); nothing
     *                           is created then
     */
    public void create(Connection connection) {
        try {
            connection.update(Statement.of(createSql()));
        } catch (DatabaseError e) {
            if (!mentionsIndexFunction(e)) throw e;
            throw new NotSupportedError("Vector index '" + name + "' cannot be created: this database has no "
                    + INDEX_FUNCTION + "() (" + e.getMessage() + "). Approximate vector indexes exist on libSQL "
                    + "servers (sqld, Turso Cloud) only, not on SQLite files or tursodb. Searches still work there as "
                    + "exact searches (order by CosineDistance or L2Distance with a limit); use createIfSupported() "
                    + "in migrations that also run on such databases.", e);
        }
    }

    /**
     * Creates the index where the database has vector indexes, and does nothing elsewhere, where
     * searches stay exact.
     *
     * @return whether the index was created
     */
    public boolean createIfSupported(Connection connection) {
        try {
            create(connection);
            return true;
        } catch (NotSupportedError e) {
            return false;
        }
    }

    /** Drops the index if it exists (so it undoes {@link #createIfSupported} on every database). */
    public void dropIfExists(Connection connection) {
        connection.update(Statement.of(dropSql()));
    }

    /**
     * Whether the engine refused the index function itself. The statement's own text (which errors may
     * quote, a timeout's included) is left out, so a slow or failed build is not taken for "unsupported".
     */
    private boolean mentionsIndexFunction(DatabaseError e) {
        String message = e.getMessage();
        if (message == null) return false;
        return message.replace(createSql(), "").toLowerCase(Locale.ROOT).contains(INDEX_FUNCTION);
    }

    @Override
    public String toString() {
        return "VectorIndex(" + name + " on " + table + "." + column + ", metric=" + metric.option()
                + (options.isEmpty() ? "" : ", " + options) + ")";
    }
}
