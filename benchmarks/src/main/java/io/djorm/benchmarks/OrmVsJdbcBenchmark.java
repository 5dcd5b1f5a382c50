package io.djorm.benchmarks;

import io.djorm.benchmarks.model.Item;
import io.djorm.core.Djorm;
import io.djorm.core.Transaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.sqlite.SQLiteConfig;

/**
 * djorm against raw sqlite-jdbc on the same 10,000-row file, in one process: each figure is the median
 * of several runs, reported as the ratio ORM time / JDBC time.
 *
 * <pre>{@code mvn -q -pl benchmarks -am install -DskipTests && mvn -q -pl benchmarks exec:java -Dexec.mainClass=io.djorm.benchmarks.OrmVsJdbcBenchmark}</pre>
 */
public final class OrmVsJdbcBenchmark {
    private static final int ROWS = 10_000;

    /** A raw-JDBC twin of {@link Item}, hydrated by hand. */
    static final class PlainItem {
        long id;
        String name;
        Integer quantity;
        Double price;
        Boolean active;
    }

    private OrmVsJdbcBenchmark() {
    }

    /** Runs the benchmark and prints a Markdown table. */
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("djorm-bench");
        Path file = dir.resolve("bench.db");
        Djorm.configure(Map.of("DATABASES", Map.of("default", Map.of("ENGINE", "sqlite", "NAME", file.toString()))));
        Djorm.connection().createTables(Item.class);
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        try (Connection jdbc = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties())) {
            List<String[]> results = new ArrayList<>();
            results.add(measure("bulkCreate 10,000 rows", 15, 15, () -> ormBulkCreate(), () -> jdbcBulkInsert(jdbc)));
            resetTo(jdbc, ROWS);
            results.add(measure("hydrate all 10,000 rows into objects", 15, 21, () -> Item.objects().all().list(),
                    () -> jdbcHydrateAll(jdbc)));
            List<Long> ids = Item.objects().all().valuesListFlat("id", Long.class).list();
            results.add(measure("get by primary key x10,000", 5, 9, () -> {
                for (Long id : ids) Item.objects().get("pk", id);
            }, () -> jdbcGetEach(jdbc, ids)));
            results.add(measure("create x1,000 in one transaction", 10, 15, OrmVsJdbcBenchmark::ormCreateInTransaction,
                    () -> jdbcInsertInTransaction(jdbc)));
            results.add(measure("filter + count", 20, 51, () -> Item.objects().filter("quantity__gt", 500)
                    .filter("name__startswith", "item-1").count(), () -> jdbcCount(jdbc)));
            System.out.println("| operation | djorm (ms) | raw JDBC (ms) | ratio |");
            System.out.println("|---|---:|---:|---:|");
            for (String[] r : results) System.out.println("| " + String.join(" | ", r) + " |");
        } finally {
            Djorm.shutdown();
        }
    }

    private static String[] measure(String name, int warmups, int runs, Runnable orm, Runnable jdbc) {
        // Interleave so both sides see the same machine state; JDBC first, then djorm.
        double j = Timer.medianMillis(warmups, runs, jdbc);
        double o = Timer.medianMillis(warmups, runs, orm);
        return new String[] {name, fmt(o), fmt(j), String.format(Locale.ROOT, "%.2fx", o / j)};
    }

    private static String fmt(double ms) {
        return String.format(Locale.ROOT, "%.2f", ms);
    }

    private static Item item(int i) {
        Item it = new Item();
        it.name = "item-" + i;
        it.quantity = i % 1000;
        it.price = i * 0.25;
        it.active = i % 3 != 0;
        return it;
    }

    private static void ormBulkCreate() {
        Item.objects().all().delete();
        List<Item> items = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) items.add(item(i));
        Item.objects().bulkCreate(items);
    }

    private static void jdbcBulkInsert(Connection c) {
        try {
            try (var st = c.createStatement()) {
                st.execute("DELETE FROM bench_item");
            }
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO bench_item (name, quantity, price, active) VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < ROWS; i++) {
                    ps.setString(1, "item-" + i);
                    ps.setLong(2, i % 1000);
                    ps.setDouble(3, i * 0.25);
                    ps.setLong(4, i % 3 != 0 ? 1 : 0);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void resetTo(Connection c, int rows) {
        jdbcBulkInsert(c);
        if (Item.objects().count() != rows) throw new IllegalStateException("expected " + rows + " rows");
    }

    private static void jdbcHydrateAll(Connection c) {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, quantity, price, active FROM bench_item");
             ResultSet rs = ps.executeQuery()) {
            List<PlainItem> out = new ArrayList<>();
            while (rs.next()) out.add(plain(rs));
            if (out.size() != ROWS) throw new IllegalStateException();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PlainItem plain(ResultSet rs) throws SQLException {
        PlainItem p = new PlainItem();
        p.id = rs.getLong(1);
        p.name = rs.getString(2);
        long q = rs.getLong(3);
        p.quantity = rs.wasNull() ? null : (int) q;
        double d = rs.getDouble(4);
        p.price = rs.wasNull() ? null : d;
        long a = rs.getLong(5);
        p.active = rs.wasNull() ? null : a != 0;
        return p;
    }

    private static void jdbcGetEach(Connection c, List<Long> ids) {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, quantity, price, active FROM bench_item WHERE id = ?")) {
            for (Long id : ids) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw new IllegalStateException("missing " + id);
                    plain(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void ormCreateInTransaction() {
        Transaction.atomic(() -> {
            for (int i = 0; i < 1000; i++) item(ThreadLocalRandom.current().nextInt(1_000_000)).save();
        });
    }

    private static void jdbcInsertInTransaction(Connection c) {
        try {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO bench_item (name, quantity, price, active) VALUES (?, ?, ?, ?) RETURNING id")) {
                for (int i = 0; i < 1000; i++) {
                    int n = ThreadLocalRandom.current().nextInt(1_000_000);
                    ps.setString(1, "item-" + n);
                    ps.setLong(2, n % 1000);
                    ps.setDouble(3, n * 0.25);
                    ps.setLong(4, 1);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        rs.getLong(1);
                    }
                }
            }
            c.commit();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void jdbcCount(Connection c) {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM bench_item WHERE quantity > ? AND INSTR(name, ?) = 1")) {
            ps.setLong(1, 500);
            ps.setString(2, "item-1");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
