package io.djorm.libsql.replica;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads a replica file with a fresh sqlite-jdbc connection, as a test's independent witness. */
final class LocalSql {
    private LocalSql() {
    }

    static List<List<String>> query(Path file, String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<List<String>> result = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) row.add(rows.getString(i));
                result.add(row);
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("reading " + file + ": " + e.getMessage(), e);
        }
    }

    static String integrityCheck(Path file) {
        return query(file, "PRAGMA integrity_check").get(0).get(0);
    }

    static long count(Path file, String table) {
        return Long.parseLong(query(file, "SELECT count(*) FROM " + table).get(0).get(0));
    }
}
