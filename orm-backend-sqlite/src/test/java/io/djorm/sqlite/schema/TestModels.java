package io.djorm.sqlite.schema;

import io.djorm.core.OnDelete;
import io.djorm.core.internal.fields.AutoType;
import io.djorm.core.internal.fields.CharType;
import io.djorm.core.internal.fields.ForeignKeyType;
import io.djorm.core.internal.fields.IntegerType;
import io.djorm.core.internal.fields.JsonType;
import io.djorm.core.internal.fields.ManyToManyType;
import io.djorm.core.internal.fields.PositiveIntegerType;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.meta.Relation;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.ModelResolver;
import io.djorm.core.spi.RowCursor;
import io.djorm.core.spi.Statement;
import io.djorm.sqlite.SqliteConnection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-built model metadata and a raw SQLite connection for schema editor tests. */
final class TestModels {
    private TestModels() {
    }

    /** The implicit auto primary key. */
    static FieldMeta id() {
        return FieldMeta.builder("id", new AutoType()).primaryKey(true).autoCreated(true).build();
    }

    static FieldMeta.Builder chars(String name, int maxLength) {
        return FieldMeta.builder(name, new CharType()).param("max_length", maxLength);
    }

    static FieldMeta.Builder integer(String name) {
        return FieldMeta.builder(name, new IntegerType());
    }

    static FieldMeta.Builder positive(String name) {
        return FieldMeta.builder(name, new PositiveIntegerType());
    }

    static FieldMeta.Builder json(String name) {
        return FieldMeta.builder(name, new JsonType());
    }

    static FieldMeta.Builder foreignKey(String name, String target) {
        return FieldMeta.builder(name, new ForeignKeyType()).relation(new Relation(Relation.Kind.MANY_TO_ONE, target,
                OnDelete.CASCADE, "", "", true, ""));
    }

    static FieldMeta.Builder manyToMany(String name, String target) {
        return FieldMeta.builder(name, new ManyToManyType()).relation(new Relation(Relation.Kind.MANY_TO_MANY,
                target, OnDelete.CASCADE, "", "", true, ""));
    }

    static ModelMeta.Builder model(String app, String name) {
        return ModelMeta.builder(app, name).field(id());
    }

    /** A resolver over a fixed set of models, failing like the registry for unknown labels. */
    static ModelResolver resolver(ModelMeta... models) {
        Map<String, ModelMeta> byLabel = new LinkedHashMap<>();
        for (ModelMeta m : models) byLabel.put(m.labelLower(), m);
        return label -> {
            ModelMeta m = byLabel.get(label.toLowerCase(java.util.Locale.ROOT));
            if (m == null) throw new io.djorm.core.FieldError("Unknown model " + label);
            return m;
        };
    }

    /** A fresh in-memory database with foreign keys on, as the backend opens it. */
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
}
