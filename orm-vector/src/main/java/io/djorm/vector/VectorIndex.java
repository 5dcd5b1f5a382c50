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
 * {@code CREATE INDEX name ON table (libsql_vector_idx(column))}. Create it from a migration with a
 * {@code RunJava} step:
 *
 * <pre>{@code
 * public final class AddPassageIndex implements MigrationCode {
 *     private static final VectorIndex INDEX = new VectorIndex("passage_embedding_vidx", "shop_passage", "embedding");
 *     public void forwards(Connection c) { INDEX.createIfSupported(c); }
 *     public void backwards(Connection c) { INDEX.dropIfExists(c); }
 * }
 * }</pre>
 *
 * <p>Only libSQL servers ({@code sqld}, Turso Cloud) have this index. SQLite files (the sqlite backend,
 * libsql local mode) and the {@code tursodb} server do not: {@link #create} raises
 * {@link NotSupportedError} there and {@link #createIfSupported} does nothing. Searches are correct
 * either way: {@link CosineDistance} and {@link L2Distance} ordered with a limit are an exact search
 * over every row, which is what djorm's querysets run on every backend.
 */
public final class VectorIndex {
    // Identifiers are quoted the SQLite family's way: only that family has this index.
    private static final SqliteDialect SQL = new SqliteDialect();
    private static final String INDEX_FUNCTION = "libsql_vector_idx";

    private final String name;
    private final String table;
    private final String column;

    /**
     * An index called {@code name} on {@code table.column}, a vector column ({@code F32_BLOB(n)}).
     * Names are as in the database (the model's db table, the field's column).
     */
    public VectorIndex(String name, String table, String column) {
        this.name = requireName(name, "name");
        this.table = requireName(table, "table");
        this.column = requireName(column, "column");
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

    private static String requireName(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) throw new IllegalArgumentException("A vector index needs a " + what + "; it is blank.");
        return value;
    }

    /** The index name. */
    public String name() {
        return name;
    }

    /** The statement that creates the index. */
    public String createSql() {
        return "CREATE INDEX " + SQL.quote(name) + " ON " + SQL.quote(table) + " (" + INDEX_FUNCTION + "("
                + SQL.quote(column) + "))";
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

    private static boolean mentionsIndexFunction(DatabaseError e) {
        String message = e.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains(INDEX_FUNCTION);
    }

    @Override
    public String toString() {
        return "VectorIndex(" + name + " on " + table + "." + column + ")";
    }
}
