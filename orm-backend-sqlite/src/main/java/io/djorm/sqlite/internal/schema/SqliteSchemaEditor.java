package io.djorm.sqlite.internal.schema;

import io.djorm.core.IntegrityError;
import io.djorm.core.NotSupportedError;
import io.djorm.core.internal.JoinTableNames;
import io.djorm.core.meta.ConstraintMeta;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.IndexMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.Dialect;
import io.djorm.core.spi.ModelResolver;
import io.djorm.core.spi.RowCursor;
import io.djorm.core.spi.SchemaEditor;
import io.djorm.core.spi.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The schema editor of the SQLite family (SQLite files and libSQL servers). Uses ALTER TABLE where
 * SQLite can (add a nullable or defaulted column, drop a plain column, rename a column or table) and
 * otherwise rebuilds the table the way SQLite documents: create the new table, copy the rows, drop the
 * old table, rename the new one, recreate the indexes. Foreign keys must be off during a rebuild, which
 * SQLite only allows outside a transaction; {@link #atomic(Runnable)} arranges that and checks the
 * foreign keys before it commits.
 *
 * <p>With a null connection the editor only renders: every method records its SQL in
 * {@link #executedSql()} and runs nothing.
 */
public class SqliteSchemaEditor implements SchemaEditor {
    private static final String REBUILD_PREFIX = "new__";

    private final Connection connection;
    private final Dialect dialect;
    private final TableSql tables;
    private final List<String> executed = new ArrayList<>();
    /** True inside {@link #atomic}, where foreign keys are already off and a transaction is open. */
    private boolean foreignKeysOff;
    /** Whether ADD/DROP COLUMN damage the table's definition on this engine; null until asked. */
    private Boolean lossyAlterColumn;

    /**
     * Creates an editor.
     *
     * @param connection where statements run; null renders SQL only
     * @param dialect quoting and column types
     * @param models resolves relation targets by label
     */
    public SqliteSchemaEditor(Connection connection, Dialect dialect, ModelResolver models) {
        this.connection = connection;
        this.dialect = dialect;
        this.tables = new TableSql(dialect, new RelationTargets(models));
    }

    // ---- whole models -------------------------------------------------------------------------

    @Override
    public List<String> createModelSql(ModelMeta model) {
        return createSql(model, Set.of());
    }

    @Override
    public void createModel(ModelMeta model) {
        for (String sql : createModelSql(model)) execute(sql);
    }

    @Override
    public void createModelIfMissing(ModelMeta model) {
        Set<String> present = connection == null ? Set.of()
                : readOnly(() -> new SqliteIntrospection(connection, dialect).tableAndIndexNames());
        for (String sql : createSql(model, present)) execute(sql);
    }

    /**
     * The statements that create a model's table, its indexes and its automatic many-to-many tables,
     * leaving out each table or index whose lower-cased name is in {@code present}.
     */
    private List<String> createSql(ModelMeta model, Set<String> present) {
        List<String> sql = new ArrayList<>();
        addMissing(model, List.of(), present, sql);
        for (FieldMeta f : model.fields()) {
            if (TableSql.hasAutoJoinTable(f)) addMissing(tables.joinModel(model, f, List.of()), List.of(model), present, sql);
        }
        return sql;
    }

    private void addMissing(ModelMeta model, List<ModelMeta> known, Set<String> present, List<String> sql) {
        if (!present.contains(model.dbTable().toLowerCase(Locale.ROOT))) {
            sql.add(tables.createTable(model, model.dbTable(), known));
        }
        tables.indexes(model).forEach((name, ddl) -> {
            if (!present.contains(name.toLowerCase(Locale.ROOT))) sql.add(ddl);
        });
    }

    @Override
    public void deleteModel(ModelMeta model) {
        for (FieldMeta f : model.fields()) {
            if (TableSql.hasAutoJoinTable(f)) execute("DROP TABLE " + q(JoinTableNames.table(model.dbTable(), f.name())));
        }
        execute("DROP TABLE " + q(model.dbTable()));
    }

    @Override
    public void alterDbTable(ModelMeta model, String oldTable, String newTable) {
        if (oldTable.equals(newTable)) return;
        ModelMeta before = model.toBuilder().dbTable(oldTable).build();
        ModelMeta after = model.toBuilder().dbTable(newTable).build();
        execute("ALTER TABLE " + q(oldTable) + " RENAME TO " + q(newTable));
        // Generated index names start with the table name; keep them matching the new name.
        syncIndexes(before, after);
        for (FieldMeta f : model.fields()) {
            if (TableSql.hasAutoJoinTable(f)) {
                alterDbTableOnly(tables.joinModel(before, f, List.of()), tables.joinModel(after, f, List.of()));
            }
        }
    }

    // ---- fields -------------------------------------------------------------------------------

    @Override
    public void addField(ModelMeta model, FieldMeta field) {
        ModelMeta before = model.toBuilder().removeField(field.name()).build();
        ModelMeta after = model.toBuilder().replaceField(field.name(), field).build();
        if (TableSql.hasAutoJoinTable(field)) {
            createJoinTable(after, field);
        } else if (!field.hasColumn()) {
            return;
        } else if (canAddColumn(field) && !alterColumnLosesDetails()) {
            execute("ALTER TABLE " + q(after.dbTable()) + " ADD COLUMN " + tables.columnDefinition(after, field, List.of()));
            // The default fills the existing rows once; the column itself keeps none (as in Django).
            if (SqlLiterals.hasConstantDefault(field) && SqlLiterals.defaultToDb(field) != null) {
                execute("UPDATE " + q(after.dbTable()) + " SET " + q(field.column()) + " = " + SqlLiterals.defaultLiteral(field));
            }
            syncIndexes(before, after);
        } else {
            rebuild(before, after, Map.of());
        }
    }

    @Override
    public void removeField(ModelMeta model, FieldMeta field) {
        ModelMeta before = model.toBuilder().replaceField(field.name(), field).build();
        ModelMeta after = model.toBuilder().removeField(field.name()).build();
        if (TableSql.hasAutoJoinTable(field)) {
            execute("DROP TABLE " + q(JoinTableNames.table(before.dbTable(), field.name())));
        } else if (!field.hasColumn()) {
            return;
        } else if (canDropColumn(before, field) && !alterColumnLosesDetails()) {
            syncIndexes(before, after);
            execute("ALTER TABLE " + q(before.dbTable()) + " DROP COLUMN " + q(field.column()));
        } else {
            rebuild(before, after, Map.of());
        }
    }

    /** Renames a field: the same as altering it into a field with the new name. */
    @Override
    public void renameField(ModelMeta model, FieldMeta oldField, FieldMeta newField) {
        alterField(model, oldField, newField);
    }

    @Override
    public void alterField(ModelMeta model, FieldMeta oldField, FieldMeta newField) {
        ModelMeta before = withField(model, oldField, newField.name(), oldField);
        ModelMeta after = withField(model, oldField, newField.name(), newField);
        boolean oldJoin = TableSql.hasAutoJoinTable(oldField);
        boolean newJoin = TableSql.hasAutoJoinTable(newField);
        if (oldJoin || newJoin) {
            alterManyToMany(before, after, oldField, newField, oldJoin, newJoin);
            return;
        }
        if (!oldField.hasColumn() || !newField.hasColumn()) {
            throw new NotSupportedError("Cannot alter field '" + oldField.name() + "' of " + model.label()
                    + " between a column and a relation without one; remove it and add the new field instead.");
        }
        FieldMeta renamedOld = oldField.toBuilder().column(newField.column()).name(newField.name()).build();
        String oldDefinition = tables.columnDefinition(after, renamedOld, List.of(before));
        String newDefinition = tables.columnDefinition(after, newField, List.of(before));
        if (oldDefinition.equals(newDefinition)) {
            if (!oldField.column().equals(newField.column())) {
                execute("ALTER TABLE " + q(after.dbTable()) + " RENAME COLUMN " + q(oldField.column()) + " TO "
                        + q(newField.column()));
            }
            syncIndexes(before, after);
            return;
        }
        String source = q(oldField.column());
        if (oldField.nullable() && !newField.nullable() && SqlLiterals.hasConstantDefault(newField)) {
            source = "COALESCE(" + source + ", " + SqlLiterals.defaultLiteral(newField) + ")";
        }
        rebuild(before, after, Map.of(newField.column(), source));
    }

    /**
     * The model with {@code field} in the place of whichever of the old or new field it lists, its
     * options renamed to match, so one model describes both sides of a rename.
     */
    private static ModelMeta withField(ModelMeta model, FieldMeta oldField, String newName, FieldMeta field) {
        String current = model.findField(oldField.name()) != null ? oldField.name() : newName;
        ModelMeta.Builder b = model.toBuilder().replaceField(current, field);
        if (!current.equals(field.name())) FieldReferences.rename(b, current, field.name());
        return b.build();
    }

    private void alterManyToMany(ModelMeta before, ModelMeta after, FieldMeta oldField, FieldMeta newField,
                                 boolean oldJoin, boolean newJoin) {
        if (oldJoin && newJoin) {
            ModelMeta oldJoinModel = tables.joinModel(before, oldField, List.of());
            ModelMeta newJoinModel = tables.joinModel(after, newField, List.of());
            boolean sameColumns = columnsOf(oldJoinModel).equals(columnsOf(newJoinModel));
            if (!sameColumns) {
                throw new NotSupportedError("Cannot change the target of the many-to-many field '" + oldField.name()
                        + "' of " + before.label() + " in place; remove the field and add a new one.");
            }
            if (!oldJoinModel.dbTable().equals(newJoinModel.dbTable())) {
                alterDbTableOnly(oldJoinModel, newJoinModel);
            }
            return;
        }
        throw new NotSupportedError("Cannot turn the field '" + oldField.name() + "' of " + before.label()
                + " into or out of a many-to-many relation; remove it and add the new field instead.");
    }

    private void alterDbTableOnly(ModelMeta before, ModelMeta after) {
        execute("ALTER TABLE " + q(before.dbTable()) + " RENAME TO " + q(after.dbTable()));
        syncIndexes(before, after);
    }

    private static List<String> columnsOf(ModelMeta model) {
        return model.concreteFields().stream().map(FieldMeta::column).toList();
    }

    private void createJoinTable(ModelMeta owner, FieldMeta field) {
        ModelMeta join = tables.joinModel(owner, field, List.of());
        execute(tables.createTable(join, join.dbTable(), List.of(owner)));
        for (String sql : tables.indexes(join).values()) execute(sql);
    }

    /**
     * Whether the engine behind the connection rewrites the whole CREATE TABLE on ADD or DROP COLUMN and
     * loses details on the way: Turso's engine (tursodb 0.6, behind some libSQL servers) drops column
     * sizes and AUTOINCREMENT and turns {@code NULL} into {@code NOT NULL}. There the editor rebuilds the
     * table instead, which keeps the definition exact. Asked once, inside a transaction so that an
     * embedded replica asks its primary, where the DDL runs.
     */
    private boolean alterColumnLosesDetails() {
        if (connection == null) return false;
        if (lossyAlterColumn == null) {
            Statement probe = Statement.of("SELECT count(*) FROM pragma_function_list WHERE name = 'turso_version'");
            lossyAlterColumn = readOnly(() -> {
                try (RowCursor rows = connection.query(probe)) {
                    return rows.next() && rows.getLong(0) > 0;
                }
            });
        }
        return lossyAlterColumn;
    }

    /**
     * Reads the schema inside a transaction (the caller's, or one rolled back afterwards), so that an
     * embedded replica asks its primary, where the DDL runs, rather than its possibly older local copy.
     */
    private <T> T readOnly(java.util.function.Supplier<T> read) {
        boolean own = !connection.inTransaction();
        if (own) connection.begin();
        try {
            return read.get();
        } finally {
            if (own) connection.rollback();
        }
    }

    /**
     * SQLite's ADD COLUMN takes no PRIMARY KEY or UNIQUE, and a NOT NULL column would need a DEFAULT
     * clause, which columns never keep: such a field is added by rebuilding the table, whose copy fills
     * the rows with the default (Django remakes the table for every added field on SQLite).
     */
    private static boolean canAddColumn(FieldMeta field) {
        if (field.primaryKey() || field.unique() || !field.nullable()) return false;
        // With foreign keys on, an added REFERENCES column must start out NULL.
        return !TableSql.hasForeignKey(field) || !SqlLiterals.hasConstantDefault(field) || SqlLiterals.defaultToDb(field) == null;
    }

    /** DROP COLUMN fails for keys, unique or referenced columns and columns used by table constraints. */
    private static boolean canDropColumn(ModelMeta model, FieldMeta field) {
        if (field.primaryKey() || field.unique() || field.isRelation()) return false;
        String name = field.name();
        boolean inIndex = model.indexes().stream().anyMatch(i -> i.fields().stream()
                .anyMatch(f -> f.equals(name) || f.equals("-" + name)));
        boolean inUnique = model.uniqueTogether().stream().anyMatch(s -> s.contains(name));
        boolean inConstraint = model.constraints().stream().anyMatch(c -> c.fields() != null && c.fields().contains(name)
                || c.conditions() != null && c.conditions().stream().anyMatch(x -> x.startsWith(name + "__")
                || x.startsWith(name + "=")));
        return !inIndex && !inUnique && !inConstraint;
    }

    // ---- indexes and constraints ----------------------------------------------------------------

    /** Creates a Meta index; {@code model} may already list it. */
    @Override
    public void addIndex(ModelMeta model, IndexMeta index) {
        ModelMeta after = withIndexes(model, index, true);
        String name = tables.indexName(after, index);
        execute(tables.indexes(after).get(name));
    }

    /** Drops a Meta index. */
    @Override
    public void removeIndex(ModelMeta model, IndexMeta index) {
        ModelMeta before = withIndexes(model, index, true);
        execute("DROP INDEX " + q(tables.indexName(before, index)));
    }

    /** Renames a Meta index (SQLite has no RENAME INDEX, so it is dropped and created again). */
    public void renameIndex(ModelMeta model, IndexMeta oldIndex, IndexMeta newIndex) {
        removeIndex(model.toBuilder().build(), oldIndex);
        addIndex(model, newIndex);
    }

    private static ModelMeta withIndexes(ModelMeta model, IndexMeta index, boolean present) {
        ModelMeta.Builder b = model.toBuilder();
        b.indexes().removeIf(i -> i.equals(index) || sameName(i, index));
        if (present) b.indexes().add(index);
        return b.build();
    }

    private static boolean sameName(IndexMeta a, IndexMeta b) {
        return a.name() != null && !a.name().isEmpty() && a.name().equals(b.name());
    }

    /** Adds a CHECK or UNIQUE constraint; SQLite needs a table rebuild for it. */
    @Override
    public void addConstraint(ModelMeta model, ConstraintMeta constraint) {
        ModelMeta.Builder b = model.toBuilder();
        b.constraints().removeIf(c -> c.name().equals(constraint.name()));
        ModelMeta before = b.build();
        ModelMeta after = before.toBuilder().constraint(constraint).build();
        rebuild(before, after, Map.of());
    }

    /** Removes a constraint by its name; SQLite needs a table rebuild for it. */
    @Override
    public void removeConstraint(ModelMeta model, ConstraintMeta constraint) {
        ModelMeta.Builder b = model.toBuilder();
        b.constraints().removeIf(c -> c.name().equals(constraint.name()));
        ModelMeta after = b.build();
        ModelMeta before = after.toBuilder().constraint(constraint).build();
        rebuild(before, after, Map.of());
    }

    /** Replaces the unique-together sets; each set is a unique index. */
    @Override
    public void alterUniqueTogether(ModelMeta model, List<List<String>> oldSets, List<List<String>> newSets) {
        ModelMeta.Builder b = model.toBuilder();
        b.uniqueTogetherSets().clear();
        b.uniqueTogetherSets().addAll(oldSets);
        ModelMeta before = b.build();
        b.uniqueTogetherSets().clear();
        b.uniqueTogetherSets().addAll(newSets);
        syncIndexes(before, b.build());
    }

    /** Drops the indexes only {@code before} declares, then creates those only {@code after} declares. */
    private void syncIndexes(ModelMeta before, ModelMeta after) {
        Map<String, String> old = tables.indexes(before);
        Map<String, String> current = tables.indexes(after);
        for (Map.Entry<String, String> e : old.entrySet()) {
            if (!e.getValue().equals(current.get(e.getKey()))) execute("DROP INDEX " + q(e.getKey()));
        }
        for (Map.Entry<String, String> e : current.entrySet()) {
            if (!e.getValue().equals(old.get(e.getKey()))) execute(e.getValue());
        }
    }

    // ---- the table rebuild ---------------------------------------------------------------------

    /**
     * Rebuilds {@code before}'s table into {@code after}'s shape, keeping its rows. Columns of
     * {@code after} are filled from {@code sources} (new column to SQL over the old table), else from
     * the old column of the same field name, else from the field's default.
     */
    private void rebuild(ModelMeta before, ModelMeta after, Map<String, String> sources) {
        withForeignKeysOff(() -> {
            String temporary = REBUILD_PREFIX + after.dbTable();
            execute(tables.createTable(after, temporary, List.of(before)));
            Map<String, String> copy = copyMapping(before, after, sources);
            if (!copy.isEmpty()) {
                execute("INSERT INTO " + q(temporary) + " (" + String.join(", ", copy.keySet()) + ") SELECT "
                        + String.join(", ", copy.values()) + " FROM " + q(before.dbTable()));
            }
            execute("DROP TABLE " + q(before.dbTable()));
            execute("ALTER TABLE " + q(temporary) + " RENAME TO " + q(after.dbTable()));
            for (String sql : tables.indexes(after).values()) execute(sql);
        });
    }

    private Map<String, String> copyMapping(ModelMeta before, ModelMeta after, Map<String, String> sources) {
        Map<String, String> copy = new LinkedHashMap<>();
        for (FieldMeta f : after.concreteFields()) {
            String source = sources.get(f.column());
            if (source == null) {
                FieldMeta old = before.findField(f.name());
                if (old != null && old.hasColumn() && old.name().equals(f.name())) {
                    source = q(old.column());
                } else if (SqlLiterals.hasConstantDefault(f)) {
                    source = SqlLiterals.defaultLiteral(f);
                }
            }
            if (source != null) copy.put(q(f.column()), source);
        }
        return copy;
    }

    /**
     * Runs work with foreign-key enforcement off, which a rebuild needs (dropping a referenced table
     * would otherwise break the references). Inside {@link #atomic} it already is; outside a
     * transaction the rebuild gets its own; inside someone else's transaction with keys on, SQLite
     * cannot turn them off, so this fails with advice.
     */
    private void withForeignKeysOff(Runnable work) {
        if (connection == null || foreignKeysOff || !foreignKeysEnabled()) {
            work.run();
        } else if (!connection.inTransaction()) {
            atomic(work);
        } else {
            throw new NotSupportedError("SQLite cannot rebuild a table while foreign key checks are on inside a "
                    + "transaction. Run schema changes through SqliteSchemaEditor.atomic(...) or outside "
                    + "transaction.atomic().");
        }
    }

    /**
     * Runs schema work as one transaction with foreign-key enforcement off, as SQLite's table rebuild
     * requires. Before committing it checks every foreign key (as {@code PRAGMA foreign_key_check} does)
     * and raises IntegrityError if a reference is broken; on any failure it rolls everything back. Keys are turned back on afterwards.
     * With no connection, the work just runs (rendering).
     */
    @Override
    public void atomic(Runnable work) {
        if (connection == null || foreignKeysOff) {
            work.run();
            return;
        }
        if (connection.inTransaction()) {
            throw new NotSupportedError("SqliteSchemaEditor.atomic() must start outside a transaction: SQLite "
                    + "ignores PRAGMA foreign_keys inside one. Commit or roll back the open transaction first.");
        }
        boolean keysWereOn = foreignKeysEnabled();
        if (keysWereOn) connection.update(Statement.of("PRAGMA foreign_keys = OFF"));
        foreignKeysOff = true;
        try {
            connection.begin();
            try {
                work.run();
                checkForeignKeys();
                connection.commit();
            } catch (RuntimeException | Error e) {
                if (connection.inTransaction()) connection.rollback();
                throw e;
            }
        } finally {
            foreignKeysOff = false;
            if (keysWereOn) connection.update(Statement.of("PRAGMA foreign_keys = ON"));
        }
    }

    private boolean foreignKeysEnabled() {
        try (RowCursor rows = connection.query(Statement.of("PRAGMA foreign_keys"))) {
            return rows.next() && rows.getLong(0) == 1;
        }
    }

    private void checkForeignKeys() {
        List<String> problems = new ForeignKeyCheck(connection, dialect).brokenReferences();
        if (!problems.isEmpty()) {
            throw new IntegrityError("The schema change would leave broken foreign keys, so nothing was applied: "
                    + String.join("; ", problems) + ". Fix or delete those rows first.");
        }
    }

    // ---- inspecting ----------------------------------------------------------------------------

    @Override
    public List<ModelMeta> inspectModels(String appLabel, java.util.Set<String> excludedTables) {
        if (connection == null) {
            throw new IllegalStateException("inspectModels needs a connection; this editor only renders SQL");
        }
        return new ModelInspector(new SqliteIntrospection(connection, dialect)).inspect(appLabel, excludedTables);
    }

    // ---- running -------------------------------------------------------------------------------

    /** Runs (or, without a connection, only records) one statement. */
    @Override
    public void execute(String sql) {
        executed.add(sql);
        if (connection != null) connection.update(Statement.of(sql));
    }

    @Override
    public List<String> executedSql() {
        return Collections.unmodifiableList(executed);
    }

    private String q(String identifier) {
        return dialect.quote(identifier);
    }
}
