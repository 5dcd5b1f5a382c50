package io.djorm.migrations;

import io.djorm.core.OnDelete;
import io.djorm.core.internal.fields.AutoType;
import io.djorm.core.internal.fields.CharType;
import io.djorm.core.internal.fields.ForeignKeyType;
import io.djorm.core.internal.fields.IntegerType;
import io.djorm.core.internal.fields.ManyToManyType;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.meta.Relation;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.RowCursor;
import io.djorm.core.spi.Statement;
import io.djorm.sqlite.SqliteConnection;
import io.djorm.sqlite.SqliteDialect;
import io.djorm.sqlite.internal.schema.SqliteIntrospection;
import io.djorm.sqlite.internal.schema.SqliteSchemaEditor;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-built models and a raw SQLite connection. */
final class Fixtures {
    private Fixtures() {
    }

    static FieldMeta id() {
        return FieldMeta.builder("id", new AutoType()).primaryKey(true).autoCreated(true).build();
    }

    static FieldMeta.Builder chars(String name, int max) {
        return FieldMeta.builder(name, new CharType()).param("max_length", max);
    }

    static FieldMeta.Builder integer(String name) {
        return FieldMeta.builder(name, new IntegerType());
    }

    /** A ForeignKey to {@code target} ("app.Model"), with the core's relation kind. */
    static FieldMeta.Builder fk(String name, String target) {
        return FieldMeta.builder(name, new ForeignKeyType()).relation(new Relation(Relation.Kind.MANY_TO_ONE, target,
                OnDelete.CASCADE, "", "", true, ""));
    }

    /** A ManyToManyField to {@code target} with an automatic join table, with the core's relation kind. */
    static FieldMeta.Builder m2m(String name, String target) {
        return FieldMeta.builder(name, new ManyToManyType()).relation(new Relation(Relation.Kind.MANY_TO_MANY, target,
                OnDelete.CASCADE, "", "", true, ""));
    }

    static ModelMeta.Builder model(String app, String name) {
        return ModelMeta.builder(app, name).field(id());
    }

    static Connection memory() {
        try {
            Connection c = new SqliteConnection(DriverManager.getConnection("jdbc:sqlite::memory:"), "IMMEDIATE");
            c.update(Statement.of("PRAGMA foreign_keys = ON"));
            return c;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<List<Object>> rows(Connection c, String sql) {
        List<List<Object>> out = new ArrayList<>();
        try (RowCursor r = c.query(Statement.of(sql))) {
            while (r.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 0; i < r.columns().size(); i++) row.add(r.getObject(i));
                out.add(row);
            }
        }
        return out;
    }

    /**
     * Table name to its columns, indexes (not the primary key's), foreign keys and named checks, as the
     * database reports them; the recorder's own table is left out.
     */
    static Map<String, List<Object>> schema(Connection c) {
        SqliteIntrospection in = new SqliteIntrospection(c, new SqliteDialect());
        Map<String, List<Object>> out = new LinkedHashMap<>();
        for (String table : in.tables()) {
            if (table.equals("djorm_migrations")) continue;
            out.put(table, List.of(in.columns(table), in.indexes(table).stream().filter(i -> !i.origin().equals("pk")).toList(),
                    in.foreignKeys(table), in.checkConstraints(table)));
        }
        return out;
    }

    /** The schema the models declare, made directly by the schema editor in a fresh in-memory database. */
    static Map<String, List<Object>> schemaOf(List<ModelMeta> models) {
        try (Connection fresh = memory()) {
            Map<String, ModelMeta> byLabel = new LinkedHashMap<>();
            models.forEach(m -> byLabel.put(m.labelLower(), m));
            SqliteSchemaEditor editor = new SqliteSchemaEditor(fresh, new SqliteDialect(),
                    label -> byLabel.get(label.toLowerCase(java.util.Locale.ROOT)));
            models.forEach(editor::createModel);
            return schema(fresh);
        }
    }
}
