package io.djorm.migrations.internal.executor;

import io.djorm.core.meta.ConstraintMeta;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.IndexMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.SchemaEditor;
import java.util.List;

/**
 * What operations ask of the database while a migration runs: the backend's {@link SchemaEditor}, plus
 * the connection for RunJava code. With no connection the editor only renders SQL (for
 * {@code sqlmigrate}) and RunJava code is skipped.
 */
public final class SchemaOps {
    private final SchemaEditor editor;
    private final Connection connection;

    /** Wraps a backend's editor; {@code connection} is null when only rendering SQL. */
    public SchemaOps(SchemaEditor editor, Connection connection) {
        if (editor == null) {
            throw new IllegalArgumentException("the dialect returned no schema editor, so it cannot run migrations");
        }
        this.editor = editor;
        this.connection = connection;
    }

    /** The connection operations run on, or null when rendering. */
    public Connection connection() {
        return connection;
    }

    /** Whether statements are only rendered. */
    public boolean renderOnly() {
        return connection == null;
    }

    /** The backend's schema editor, which every schema change goes through. */
    public SchemaEditor editor() {
        return editor;
    }

    /** Creates a model's table. */
    public void createModel(ModelMeta m) {
        editor.createModel(m);
    }

    /** Drops a model's table. */
    public void deleteModel(ModelMeta m) {
        editor.deleteModel(m);
    }

    /** Adds a field's column. */
    public void addField(ModelMeta m, FieldMeta f) {
        editor.addField(m, f);
    }

    /** Drops a field's column. */
    public void removeField(ModelMeta m, FieldMeta f) {
        editor.removeField(m, f);
    }

    /** Changes a field, keeping its data. */
    public void alterField(ModelMeta m, FieldMeta oldF, FieldMeta newF) {
        editor.alterField(m, oldF, newF);
    }

    /** Renames a field, keeping its data. */
    public void renameField(ModelMeta m, FieldMeta oldF, FieldMeta newF) {
        editor.renameField(m, oldF, newF);
    }

    /** Renames a model's table. */
    public void alterDbTable(ModelMeta m, String oldTable, String newTable) {
        editor.alterDbTable(m, oldTable, newTable);
    }

    /** Creates a Meta index. */
    public void addIndex(ModelMeta m, IndexMeta i) {
        editor.addIndex(m, i);
    }

    /** Drops a Meta index. */
    public void removeIndex(ModelMeta m, IndexMeta i) {
        editor.removeIndex(m, i);
    }

    /** Adds a constraint. */
    public void addConstraint(ModelMeta m, ConstraintMeta c) {
        editor.addConstraint(m, c);
    }

    /** Removes a constraint. */
    public void removeConstraint(ModelMeta m, ConstraintMeta c) {
        editor.removeConstraint(m, c);
    }

    /** Replaces unique-together sets. */
    public void alterUniqueTogether(ModelMeta m, List<List<String>> oldSets, List<List<String>> newSets) {
        editor.alterUniqueTogether(m, oldSets, newSets);
    }

    /** Runs raw SQL (a RunSQL operation), or records it when rendering. */
    public void execute(String sql) {
        editor.execute(sql);
    }

    /** Runs work as one transaction the way the backend needs schema changes run. */
    public void atomic(Runnable work) {
        editor.atomic(work);
    }

    /** Every statement run (or rendered) so far, in order. */
    public List<String> executedSql() {
        return editor.executedSql();
    }
}
