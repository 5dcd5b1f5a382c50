package io.djorm.migrations;

import io.djorm.core.internal.fields.AutoType;
import io.djorm.core.internal.fields.CharType;
import io.djorm.core.internal.fields.IntegerType;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.meta.Relation;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.RowCursor;
import io.djorm.core.spi.Statement;
import io.djorm.sqlite.SqliteConnection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

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

    static FieldMeta.Builder fk(String name, String target) {
        return FieldMeta.builder(name, new ForeignKeyKind()).relation(new Relation(Relation.Kind.MANY_TO_ONE, target,
                Relation.OnDelete.CASCADE, "", "", true, ""));
    }

    static FieldMeta.Builder m2m(String name, String target) {
        return FieldMeta.builder(name, new ManyToManyKind()).relation(new Relation(Relation.Kind.MANY_TO_MANY, target,
                Relation.OnDelete.CASCADE, "", "", true, ""));
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
}
