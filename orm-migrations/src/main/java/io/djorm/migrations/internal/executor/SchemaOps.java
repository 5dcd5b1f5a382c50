package io.djorm.migrations.internal.executor;

import io.djorm.core.NotSupportedError;
import io.djorm.core.meta.ConstraintMeta;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.IndexMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.SchemaEditor;
import io.djorm.core.spi.Statement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * What operations ask of the database: the {@link SchemaEditor} SPI plus the index, constraint,
 * unique-together, raw SQL and transaction steps that the SPI does not declare yet. Those are called
 * on the backend's editor by name (the SQLite editor has them all) until the SPI grows them; an editor
 * without one fails with a message naming the method. Keeps the statements it ran in order, for
 * {@code sqlmigrate}.
 */
public final class SchemaOps {
    private final SchemaEditor editor;
    private final Connection connection;
    private final List<String> rawSql = new ArrayList<>();

    /** Wraps a backend's editor; {@code connection} is null when only rendering SQL. */
    public SchemaOps(SchemaEditor editor, Connection connection) {
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

    public void createModel(ModelMeta m) { editor.createModel(m); }
    public void deleteModel(ModelMeta m) { editor.deleteModel(m); }
    public void addField(ModelMeta m, FieldMeta f) { editor.addField(m, f); }
    public void removeField(ModelMeta m, FieldMeta f) { editor.removeField(m, f); }
    public void alterField(ModelMeta m, FieldMeta oldF, FieldMeta newF) { editor.alterField(m, oldF, newF); }
    public void alterDbTable(ModelMeta m, String oldTable, String newTable) { editor.alterDbTable(m, oldTable, newTable); }

    /** Creates a Meta index. */
    public void addIndex(ModelMeta m, IndexMeta i) { call("addIndex", new Class<?>[] {ModelMeta.class, IndexMeta.class}, m, i); }

    /** Drops a Meta index. */
    public void removeIndex(ModelMeta m, IndexMeta i) { call("removeIndex", new Class<?>[] {ModelMeta.class, IndexMeta.class}, m, i); }

    /** Adds a constraint. */
    public void addConstraint(ModelMeta m, ConstraintMeta c) {
        call("addConstraint", new Class<?>[] {ModelMeta.class, ConstraintMeta.class}, m, c);
    }

    /** Removes a constraint. */
    public void removeConstraint(ModelMeta m, ConstraintMeta c) {
        call("removeConstraint", new Class<?>[] {ModelMeta.class, ConstraintMeta.class}, m, c);
    }

    /** Replaces unique-together sets. */
    public void alterUniqueTogether(ModelMeta m, List<List<String>> oldSets, List<List<String>> newSets) {
        call("alterUniqueTogether", new Class<?>[] {ModelMeta.class, List.class, List.class}, m, oldSets, newSets);
    }

    /** Runs raw SQL (a RunSQL operation), or records it when rendering. */
    public void execute(String sql) {
        if (find("execute", String.class) != null) {
            call("execute", new Class<?>[] {String.class}, sql);
            return;
        }
        rawSql.add(sql);
        if (connection != null) connection.update(Statement.of(sql));
    }

    /**
     * Runs work as one transaction the way the backend needs schema changes run (on SQLite: with foreign
     * keys off, checked before commit). Falls back to a plain transaction.
     */
    public void atomic(Runnable work) {
        if (find("atomic", Runnable.class) != null) {
            call("atomic", new Class<?>[] {Runnable.class}, work);
            return;
        }
        if (connection == null) {
            work.run();
            return;
        }
        connection.begin();
        try {
            work.run();
            connection.commit();
        } catch (RuntimeException | Error e) {
            if (connection.inTransaction()) connection.rollback();
            throw e;
        }
    }

    /** Every statement run (or rendered) so far, in order. */
    public List<String> executedSql() {
        List<String> all = new ArrayList<>(editor.executedSql());
        all.addAll(rawSql);
        return all;
    }

    private Method find(String name, Class<?>... types) {
        try {
            return editor.getClass().getMethod(name, types);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private void call(String name, Class<?>[] types, Object... args) {
        Method m = find(name, types);
        if (m == null) {
            throw new NotSupportedError("The schema editor " + editor.getClass().getName() + " has no " + name
                    + " method, which this migration needs; this backend cannot run the operation yet.");
        }
        try {
            m.invoke(editor, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + name + " on " + editor.getClass().getName(), e);
        }
    }
}
