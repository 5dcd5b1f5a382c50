package io.djorm.sqlite.internal.schema;

import io.djorm.core.spi.Connection;
import io.djorm.core.spi.Dialect;
import io.djorm.core.spi.RowCursor;
import io.djorm.core.spi.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the schema of a SQLite-family database through PRAGMAs and {@code sqlite_master}. Goes only
 * through the SPI {@link Connection}, so it works on local files and remote libSQL servers alike.
 * Used by tests, by migrations (fake-initial) and by {@code inspectdb}.
 */
public final class SqliteIntrospection {
    private static final Pattern CHECK_NAME = Pattern.compile("CONSTRAINT\\s+\"((?:[^\"]|\"\")+)\"\\s+CHECK",
            Pattern.CASE_INSENSITIVE);

    private final Connection connection;
    private final Dialect dialect;

    /**
     * A column as the database declares it; {@code type} is the declared type in lower case with its
     * size, such as {@code varchar(200)}.
     */
    public record Column(String name, String type, boolean nullable, String defaultSql, boolean primaryKey) {
    }

    /** An index; {@code origin} is {@code c} (CREATE INDEX), {@code u} (UNIQUE clause) or {@code pk}. */
    public record Index(String name, List<String> columns, boolean unique, String origin) {
    }

    /** A foreign key from {@code column} to {@code table}.{@code toColumn}. */
    public record ForeignKey(String column, String table, String toColumn) {
    }

    /** Creates an introspector over a connection. */
    public SqliteIntrospection(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /** The user tables, sorted by name (SQLite's own tables excluded). */
    public List<String> tables() {
        List<String> out = new ArrayList<>();
        try (RowCursor rows = connection.query(Statement.of("SELECT name FROM sqlite_master WHERE type = 'table' "
                + "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"))) {
            while (rows.next()) out.add(rows.getString(0));
        }
        return out;
    }

    /**
     * The names of every table and index, in lower case (SQLite compares names without case), for
     * creating only what is missing.
     */
    public java.util.Set<String> tableAndIndexNames() {
        java.util.Set<String> out = new java.util.HashSet<>();
        try (RowCursor rows = connection.query(Statement.of("SELECT name FROM sqlite_master WHERE type IN ('table', 'index')"))) {
            while (rows.next()) out.add(rows.getString(0).toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** Whether the table exists. */
    public boolean hasTable(String table) {
        try (RowCursor rows = connection.query(new Statement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", List.of(table)))) {
            return rows.next();
        }
    }

    /** The table's columns in order. */
    public List<Column> columns(String table) {
        List<Column> out = new ArrayList<>();
        String createSql = null;
        try (RowCursor rows = pragma("table_info", table)) {
            int name = index(rows, "name");
            int type = index(rows, "type");
            int notNull = index(rows, "notnull");
            int dflt = index(rows, "dflt_value");
            int pk = index(rows, "pk");
            while (rows.next()) {
                out.add(new Column(rows.getString(name), rows.getString(type), rows.getLong(notNull) == 0,
                        rows.getString(dflt), rows.getLong(pk) > 0));
            }
        }
        List<Column> typed = new ArrayList<>();
        for (Column c : out) {
            String declared = c.type() == null ? "" : c.type().strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")
                    .replaceAll(" ?\\( ?", "(").replaceAll(" ?, ?", ",").replaceAll(" ?\\)", ")");
            if (!declared.isEmpty() && !declared.contains("(")) {
                // Some servers (tursodb) report varchar(200) as varchar: take the size from CREATE TABLE.
                if (createSql == null) createSql = createSql(table);
                declared += declaredSize(createSql, c.name(), declared);
            }
            typed.add(new Column(c.name(), declared, c.nullable(), c.defaultSql(), c.primaryKey()));
        }
        return typed;
    }

    /** The {@code (n)} or {@code (p,s)} after a column's type in a CREATE TABLE statement, or "". */
    private static String declaredSize(String createSql, String column, String type) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(column.replace("\"", "\"\"")) + "\"\\s+" + Pattern.quote(type)
                + "\\s*\\(\\s*(\\d+(?:\\s*,\\s*\\d+)?)\\s*\\)", Pattern.CASE_INSENSITIVE).matcher(createSql);
        return m.find() ? "(" + m.group(1).replaceAll("\\s+", "") + ")" : "";
    }

    /** The table's indexes (those SQLite creates for UNIQUE and PRIMARY KEY included), sorted by name. */
    public List<Index> indexes(String table) {
        List<String[]> listed = new ArrayList<>();
        try (RowCursor rows = pragma("index_list", table)) {
            int name = index(rows, "name");
            int unique = index(rows, "unique");
            int origin = index(rows, "origin");
            while (rows.next()) {
                listed.add(new String[] {rows.getString(name), String.valueOf(rows.getLong(unique)),
                        origin < 0 ? "c" : rows.getString(origin)});
            }
        }
        List<Index> out = new ArrayList<>();
        for (String[] l : listed) out.add(new Index(l[0], indexColumns(l[0]), l[1].equals("1"), l[2]));
        out.sort(java.util.Comparator.comparing(Index::name));
        return out;
    }

    private List<String> indexColumns(String indexName) {
        List<String> columns = new ArrayList<>();
        try (RowCursor rows = pragma("index_info", indexName)) {
            int name = index(rows, "name");
            while (rows.next()) columns.add(rows.getString(name));
        }
        return columns;
    }

    /** The column sets that must be unique: UNIQUE columns, UNIQUE constraints and unique indexes. */
    public List<List<String>> uniqueColumnSets(String table) {
        return indexes(table).stream().filter(i -> i.unique() && !i.origin().equals("pk")).map(Index::columns).toList();
    }

    /** The table's foreign keys in declaration order. */
    public List<ForeignKey> foreignKeys(String table) {
        List<ForeignKey> out = new ArrayList<>();
        try (RowCursor rows = pragma("foreign_key_list", table)) {
            int target = index(rows, "table");
            int from = index(rows, "from");
            int to = index(rows, "to");
            while (rows.next()) out.add(new ForeignKey(rows.getString(from), rows.getString(target), rows.getString(to)));
        }
        out.sort(java.util.Comparator.comparing(ForeignKey::column));
        return out;
    }

    /** The names of the table's named CHECK constraints, read from its CREATE TABLE statement. */
    public List<String> checkConstraints(String table) {
        List<String> out = new ArrayList<>();
        Matcher m = CHECK_NAME.matcher(createSql(table));
        while (m.find()) out.add(m.group(1).replace("\"\"", "\""));
        return out;
    }

    /** The table's CREATE TABLE statement as stored, or an empty string when there is no such table. */
    public String createSql(String table) {
        try (RowCursor rows = connection.query(new Statement(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", List.of(table)))) {
            return rows.next() ? rows.getString(0) : "";
        }
    }

    private RowCursor pragma(String pragma, String argument) {
        return connection.query(Statement.of("PRAGMA " + pragma + "(" + dialect.quote(argument) + ")"));
    }

    private static int index(RowCursor rows, String column) {
        return rows.columns().indexOf(column);
    }
}
