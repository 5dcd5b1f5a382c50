package io.djorm.vector;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Measures a brute-force top-10 search with djorm's Java {@code vector_distance_cos} on a local SQLite
 * file: 100,000 rows of 384-dimension F32 vectors, {@code ORDER BY vector_distance_cos(embedding,
 * vector32(?)) LIMIT 10}. Not a unit test: run it by hand and read the median.
 *
 * <pre>
 * java [-Dmmap=bytes] -cp ... io.djorm.vector.VectorSearchBenchmark [database-file] [rows] [queries]
 * </pre>
 *
 * The file is created and filled on the first run and reused after that. {@code -Dmmap} sets
 * {@code PRAGMA mmap_size}, to see how much of the time is SQLite reading pages rather than the function.
 */
public final class VectorSearchBenchmark {
    private static final int DIMENSIONS = 384;
    private static final String QUERY =
            "SELECT id FROM document ORDER BY vector_distance_cos(embedding, vector32(?)) LIMIT 10";

    private VectorSearchBenchmark() {
    }

    /** Runs the benchmark and prints the timings. */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir") + "/djorm-vector-bench.db");
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 21;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            VectorFunctions.register(connection);
            long mmap = Long.getLong("mmap", 0);
            if (mmap > 0) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA mmap_size = " + mmap);
                }
            }
            fillIfNeeded(connection, rows, file);
            SplittableRandom random = new SplittableRandom(1);
            for (int i = 0; i < 5; i++) search(connection, randomUnitVector(random));
            long[] nanos = new long[queries];
            for (int i = 0; i < queries; i++) {
                byte[] query = randomUnitVector(random);
                long start = System.nanoTime();
                search(connection, query);
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf("%d rows x %d dims, %d queries: median %.1f ms, min %.1f ms, max %.1f ms%n", rows, DIMENSIONS,
                    queries, nanos[queries / 2] / 1e6, nanos[0] / 1e6, nanos[queries - 1] / 1e6);
        }
    }

    private static long[] search(Connection connection, byte[] query) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(QUERY)) {
            statement.setBytes(1, query);
            long[] ids = new long[10];
            try (ResultSet rs = statement.executeQuery()) {
                for (int i = 0; rs.next(); i++) ids[i] = rs.getLong(1);
            }
            return ids;
        }
    }

    private static void fillIfNeeded(Connection connection, int rows, Path file) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS document (id INTEGER PRIMARY KEY, embedding F32_BLOB(384))");
            try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM document")) {
                if (rs.next() && rs.getLong(1) == rows) return;
            }
            statement.execute("DELETE FROM document");
        }
        System.out.printf("filling %s with %d vectors...%n", file, rows);
        connection.setAutoCommit(false);
        SplittableRandom random = new SplittableRandom(42);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO document (embedding) VALUES (?)")) {
            for (int i = 0; i < rows; i++) {
                insert.setBytes(1, randomUnitVector(random));
                insert.addBatch();
                if (i % 1000 == 999) insert.executeBatch();
            }
            insert.executeBatch();
        }
        connection.commit();
        connection.setAutoCommit(true);
    }

    private static byte[] randomUnitVector(SplittableRandom random) {
        float[] v = new float[DIMENSIONS];
        double norm = 0;
        for (int i = 0; i < DIMENSIONS; i++) {
            v[i] = (float) random.nextDouble(-1, 1);
            norm += v[i] * v[i];
        }
        ByteBuffer blob = ByteBuffer.allocate(DIMENSIONS * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) blob.putFloat((float) (f / Math.sqrt(norm)));
        return blob.array();
    }
}
