package io.djorm.core.spi;

import io.djorm.core.NotSupportedError;
import io.djorm.core.meta.ConstraintMeta;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.IndexMeta;
import io.djorm.core.meta.ModelMeta;
import java.util.List;

/**
 * Turns model metadata into DDL and runs it on a connection (Django: {@code SchemaEditor}). Migrations
 * drive it; tests use {@link #createModel} directly. Methods that a database cannot do with ALTER TABLE
 * rebuild the table, keeping its rows, indexes and foreign keys.
 *
 * <p>The index, constraint, raw SQL and transaction methods have defaults that raise
 * {@link NotSupportedError}, so a backend that cannot do one says so by name instead of failing later.
 */
public interface SchemaEditor {

    /** The statements that create a model's table, its indexes and its many-to-many tables. */
    List<String> createModelSql(ModelMeta model);

    /** Creates a model's table with its indexes and constraints. */
    void createModel(ModelMeta model);

    /**
     * Creates what is missing of a model, leaving what exists as it is (Django: {@code migrate
     * --run-syncdb}): its table, its indexes and its automatic many-to-many tables with their indexes,
     * each only when no table or index of that name exists. An existing table is not compared with the
     * model; changing it is the job of migrations.
     */
    default void createModelIfMissing(ModelMeta model) {
        throw unsupported("createModelIfMissing");
    }

    /** Drops a model's table. */
    void deleteModel(ModelMeta model);

    /** Adds a column for a new field, filling existing rows with its default. */
    void addField(ModelMeta model, FieldMeta field);

    /** Drops a field's column. */
    void removeField(ModelMeta model, FieldMeta field);

    /** Changes a field (type, nullability, default, uniqueness, column name) keeping the data. */
    void alterField(ModelMeta model, FieldMeta oldField, FieldMeta newField);

    /** Renames a model's table. */
    void alterDbTable(ModelMeta model, String oldTable, String newTable);

    /** Renames a field's column (and whatever names derive from it), keeping the data. */
    default void renameField(ModelMeta model, FieldMeta oldField, FieldMeta newField) {
        alterField(model, oldField, newField);
    }

    /** Creates a Meta index; {@code model} may already list it. */
    default void addIndex(ModelMeta model, IndexMeta index) {
        throw unsupported("addIndex");
    }

    /** Drops a Meta index. */
    default void removeIndex(ModelMeta model, IndexMeta index) {
        throw unsupported("removeIndex");
    }

    /** Adds a CHECK or UNIQUE constraint; {@code model} may already list it. */
    default void addConstraint(ModelMeta model, ConstraintMeta constraint) {
        throw unsupported("addConstraint");
    }

    /** Removes a constraint by its name. */
    default void removeConstraint(ModelMeta model, ConstraintMeta constraint) {
        throw unsupported("removeConstraint");
    }

    /** Replaces a model's unique-together sets ({@code oldSets} are in place, {@code newSets} wanted). */
    default void alterUniqueTogether(ModelMeta model, List<List<String>> oldSets, List<List<String>> newSets) {
        throw unsupported("alterUniqueTogether");
    }

    /** Runs one raw SQL statement (a migration's RunSQL), or only records it when rendering. */
    default void execute(String sql) {
        throw unsupported("execute");
    }

    /**
     * Runs schema work as one transaction, the way this database needs DDL run (SQLite: with foreign key
     * enforcement off and checked before commit); a failure undoes all of it. When rendering, just runs.
     */
    default void atomic(Runnable work) {
        throw unsupported("atomic");
    }

    /**
     * The models that the database's existing tables describe (Django: {@code inspectdb}), one per
     * table other than the database's own and {@code excludedTables}, each labelled with
     * {@code appLabel} and carrying its table name, field kinds, sizes, nullability, defaults, unique
     * columns and foreign keys.
     */
    default List<ModelMeta> inspectModels(String appLabel, java.util.Set<String> excludedTables) {
        throw unsupported("inspectModels");
    }

    /** Every statement this editor ran, in order (for {@code sqlmigrate} and tests). */
    List<String> executedSql();

    private NotSupportedError unsupported(String method) {
        return new NotSupportedError("The schema editor " + getClass().getName() + " cannot " + method
                + "; this backend does not support the schema change a migration asked for.");
    }
}
