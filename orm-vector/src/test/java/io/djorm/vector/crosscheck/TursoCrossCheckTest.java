package io.djorm.vector.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.testkit.TursoServer;
import io.djorm.vector.VectorFunctions;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the same vector SQL on the real tursodb and on a sqlite-jdbc connection with djorm's Java
 * functions, over many random vectors and the edge cases, and requires the same answers: blobs and
 * text byte for byte, distances within 1e-6 (relative above 1), errors on both sides.
 *
 * <p>Kept out of the comparison, on purpose: vectors whose squared length leaves the normal float range
 * (length below about 1e-19 or above about 1e19). tursodb works in single precision with an approximate
 * reciprocal square root there, even for F64 vectors, and returns 0 or infinity; djorm computes in double
 * and returns the true distance (see VectorFunctionsTest).
 */
class TursoCrossCheckTest {
    private static final long SEED = 20240704L;
    private static final double TOLERANCE = 1e-6;

    private static TursoServer server;
    private static HranaPipeline turso;
    private static Connection sqlite;

    @BeforeAll
    static void start() throws SQLException {
        server = TursoServer.start();
        turso = new HranaPipeline(server.url());
        sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
        VectorFunctions.register(sqlite);
    }

    @AfterAll
    static void stop() throws SQLException {
        if (sqlite != null) sqlite.close();
        if (server != null) server.close();
    }

    @Test
    void textIsParsedAndPrintedTheSameWay() throws Exception {
        SplittableRandom random = new SplittableRandom(SEED);
        List<SqlProbe> probes = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String text = vectorText(random, dims(random), i % 3 == 0);
            probes.add(SqlProbe.of("SELECT vector32(?)", text));
            probes.add(SqlProbe.of("SELECT vector64(?)", text));
            probes.add(SqlProbe.of("SELECT vector(?)", text));
            probes.add(SqlProbe.of("SELECT vector_extract(vector32(?))", text));
            probes.add(SqlProbe.of("SELECT vector_extract(vector64(?))", text));
        }
        assertSameOutcomes(probes, 0.4);
    }

    @Test
    void blobsAreReadAndConvertedTheSameWay() throws Exception {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        List<SqlProbe> probes = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int dims = dims(random);
            byte[] f32 = f32Blob(anyFloats(random, dims));
            byte[] f64 = f64Blob(anyDoubles(random, dims));
            byte[] markedF32 = Arrays.copyOf(f32, f32.length + 1);
            markedF32[f32.length] = 1;
            for (byte[] blob : List.of(f32, f64, markedF32)) {
                probes.add(SqlProbe.of("SELECT vector_extract(?)", blob));
                probes.add(SqlProbe.of("SELECT vector32(?)", blob));
                probes.add(SqlProbe.of("SELECT vector64(?)", blob));
            }
        }
        assertSameOutcomes(probes, 0.9);
    }

    @Test
    void distancesAgree() throws Exception {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        List<SqlProbe> probes = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int dims = i % 10 == 0 ? 384 : 1 + random.nextInt(64);
            double[] a = moderateVector(random, dims);
            double[] b = i % 7 == 0 ? scaled(a, 0.5 + random.nextDouble() * 4) : moderateVector(random, dims);
            addDistanceProbes(probes, a, b);
        }
        double[] zero = new double[5];
        double[] ones = {1, 1, 1, 1, 1};
        double[] small = {1e-15, -2e-15, 3e-15, 0, 1e-15};
        addDistanceProbes(probes, zero, zero);
        addDistanceProbes(probes, zero, ones);
        addDistanceProbes(probes, ones, zero);
        addDistanceProbes(probes, ones, ones);
        addDistanceProbes(probes, ones, scaled(ones, -1));
        addDistanceProbes(probes, new double[] {1, 0, 0, 0, 0}, new double[] {0, 1, 0, 0, 0});
        addDistanceProbes(probes, small, ones);
        addDistanceProbes(probes, new double[] {3}, new double[] {-4});
        addDistanceProbes(probes, new double[0], new double[0]);
        assertSameOutcomes(probes, 1.0);
    }

    @Test
    void badInputFailsOnBothSides() throws Exception {
        List<SqlProbe> probes = new ArrayList<>();
        for (String text : List.of("", "[", "]", "1,2", "[1,,2]", "[1 2]", "[1,]", "[,]", "[1]x", "[[1]]", "[nan]",
                "[inf]", "[-Infinity]", "[0x10]", "[1f]", "[1e]", "[1.2.3]", "[.]", "[e5]", "[1e40]", "{1,2}", "[1;2]")) {
            probes.add(SqlProbe.of("SELECT vector32(?)", text));
        }
        probes.add(SqlProbe.of("SELECT vector64(?)", "[1e400]"));
        // Not sent: 1-bit (type 3) and sparse (type 9) blobs. djorm refuses them; tursodb 0.6.0 supports
        // them and panics on malformed 1-bit ones, which would kill the shared server.
        for (String hex : List.of("000080", "00008000803f", "0000803f07", "0000803f05", "0000803f000002")) {
            probes.add(SqlProbe.of("SELECT vector_extract(?)", java.util.HexFormat.of().parseHex(hex)));
        }
        probes.add(SqlProbe.of("SELECT vector32(?)", (Object) null));
        probes.add(SqlProbe.of("SELECT vector32(?)", 7L));
        probes.add(SqlProbe.of("SELECT vector32(1.5)"));
        probes.add(SqlProbe.of("SELECT vector_extract(?)", "[1,2]"));
        probes.add(SqlProbe.of("SELECT vector_extract(?)", (Object) null));
        probes.add(SqlProbe.of("SELECT vector_distance_cos('[1,2]', '[1,2,3]')"));
        probes.add(SqlProbe.of("SELECT vector_distance_l2('[1,2]', '[1,2,3]')"));
        probes.add(SqlProbe.of("SELECT vector_distance_cos(vector64('[1,2]'), '[1,2]')"));
        probes.add(SqlProbe.of("SELECT vector_distance_l2(vector64('[1,2]'), vector32('[1,2]'))"));
        probes.add(SqlProbe.of("SELECT vector_distance_cos(NULL, '[1]')"));
        probes.add(SqlProbe.of("SELECT vector_distance_l2('[1]', 1)"));
        List<Outcome> expected = turso.run(probes);
        List<Outcome> actual = runLocally(probes);
        SoftAssertions softly = new SoftAssertions();
        for (int i = 0; i < probes.size(); i++) {
            softly.assertThat(expected.get(i).failed()).as("tursodb fails on %s", probes.get(i)).isTrue();
            softly.assertThat(actual.get(i).error()).as("djorm's error for %s", probes.get(i)).matches(
                    ".*\\((vector\\w*): .{20,}\\)");
        }
        softly.assertAll();
    }

    private static void addDistanceProbes(List<SqlProbe> probes, double[] a, double[] b) {
        byte[] a32 = f32Blob(toFloats(a));
        byte[] b32 = f32Blob(toFloats(b));
        String aText = plainText(a);
        String bText = plainText(b);
        for (String function : List.of("vector_distance_cos", "vector_distance_l2")) {
            probes.add(SqlProbe.of("SELECT " + function + "(?, ?)", a32, b32));
            probes.add(SqlProbe.of("SELECT " + function + "(?, ?)", aText, bText));
            probes.add(SqlProbe.of("SELECT " + function + "(vector32(?), vector32(?))", aText, bText));
            probes.add(SqlProbe.of("SELECT " + function + "(?, ?)", f64Blob(a), f64Blob(b)));
            probes.add(SqlProbe.of("SELECT " + function + "(vector64(?), vector64(?))", aText, bText));
        }
    }

    /** Runs the probes on both databases and compares; also checks that enough of them succeeded to mean something. */
    private static void assertSameOutcomes(List<SqlProbe> probes, double minimumSuccessShare) throws Exception {
        List<Outcome> expected = turso.run(probes);
        List<Outcome> actual = runLocally(probes);
        SoftAssertions softly = new SoftAssertions();
        int succeeded = 0;
        for (int i = 0; i < probes.size(); i++) {
            Outcome want = expected.get(i);
            Outcome got = actual.get(i);
            String description = probes.get(i) + "\n  tursodb: " + want + "\n  djorm:   " + got;
            if (!want.failed()) succeeded++;
            softly.assertThat(got.failed()).as(description).isEqualTo(want.failed());
            if (want.failed() || got.failed()) continue;
            if (want.value() instanceof Double w && got.value() instanceof Double g) {
                softly.assertThat(Math.abs(w - g)).as(description).isLessThanOrEqualTo(TOLERANCE * Math.max(1, Math.abs(w)));
            } else if (want.value() instanceof byte[] w && got.value() instanceof byte[] g) {
                softly.assertThat(g).as(description).isEqualTo(w);
            } else {
                softly.assertThat(got.value()).as(description).isEqualTo(want.value());
            }
        }
        softly.assertAll();
        assertThat((double) succeeded / probes.size()).as("share of probes tursodb answered").isGreaterThanOrEqualTo(minimumSuccessShare);
    }

    private static List<Outcome> runLocally(List<SqlProbe> probes) {
        List<Outcome> outcomes = new ArrayList<>(probes.size());
        for (SqlProbe probe : probes) {
            try (PreparedStatement statement = sqlite.prepareStatement(probe.sql())) {
                for (int i = 0; i < probe.args().size(); i++) statement.setObject(i + 1, probe.args().get(i));
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    Object value = rs.getObject(1);
                    outcomes.add(Outcome.value(value instanceof Integer n ? Long.valueOf(n) : value));
                }
            } catch (SQLException e) {
                outcomes.add(Outcome.error(e.getMessage()));
            }
        }
        return outcomes;
    }

    // ---- random vectors -------------------------------------------------------------------------

    private static int dims(SplittableRandom random) {
        int pick = random.nextInt(20);
        if (pick == 0) return 0;
        if (pick == 1) return 384;
        return 1 + random.nextInt(24);
    }

    /** Random vector text, spelled in every way both parsers accept, with random spacing. */
    private static String vectorText(SplittableRandom random, int dims, boolean doubleRange) {
        StringBuilder sb = new StringBuilder(space(random)).append('[');
        for (int i = 0; i < dims; i++) {
            if (i > 0) sb.append(',');
            sb.append(space(random)).append(spell(random, doubleRange)).append(space(random));
        }
        return sb.append(']').append(space(random)).toString();
    }

    private static String spell(SplittableRandom random, boolean doubleRange) {
        double value = doubleRange ? anyDouble(random) : anyFloat(random);
        switch (random.nextInt(6)) {
            case 0: return Double.toString(value);                          // 1.0E-5
            case 1: return new BigDecimal(value).toString();               // every digit
            case 2: return String.format(Locale.ROOT, "%.3e", value);       // 1.235e+02
            case 3: return Long.toString(random.nextInt(2001) - 1000);      // integers
            case 4: return String.format(Locale.ROOT, "%.4f", random.nextDouble(-10, 10)).replaceFirst("^(-?)0\\.", "$1.");
            default: return (random.nextBoolean() ? "+" : "") + Float.toString((float) value).replace("E", "e");
        }
    }

    private static String space(SplittableRandom random) {
        return random.nextInt(4) == 0 ? " \t".substring(0, 1 + random.nextInt(2)) : "";
    }

    /** Any finite float: random bit patterns cover subnormals, huge and tiny values, and -0. */
    private static float anyFloat(SplittableRandom random) {
        while (true) {
            float f = random.nextInt(4) == 0 ? (float) random.nextDouble(-1, 1) : Float.intBitsToFloat(random.nextInt());
            if (Float.isFinite(f)) return f;
        }
    }

    private static double anyDouble(SplittableRandom random) {
        while (true) {
            double d = random.nextInt(4) == 0 ? random.nextDouble(-1, 1) : Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(d)) return d;
        }
    }

    private static float[] anyFloats(SplittableRandom random, int dims) {
        float[] out = new float[dims];
        for (int i = 0; i < dims; i++) out[i] = anyFloat(random);
        return out;
    }

    private static double[] anyDoubles(SplittableRandom random, int dims) {
        double[] out = new double[dims];
        for (int i = 0; i < dims; i++) out[i] = anyDouble(random);
        return out;
    }

    /** Values of ordinary embedding magnitudes, sometimes scaled far up or down, with some exact zeros. */
    private static double[] moderateVector(SplittableRandom random, int dims) {
        double scale = new double[] {1, 1, 1, 1e-3, 1e3, 1e-8, 1e8}[random.nextInt(7)];
        double[] out = new double[dims];
        for (int i = 0; i < dims; i++) out[i] = random.nextInt(10) == 0 ? 0 : random.nextDouble(-1, 1) * scale;
        return out;
    }

    private static double[] scaled(double[] v, double factor) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i] * factor;
        return out;
    }

    private static float[] toFloats(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (float) v[i];
        return out;
    }

    private static String plainText(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) sb.append(i > 0 ? "," : "").append(v[i]);
        return sb.append(']').toString();
    }

    // Independent of the code under test: ByteBuffer, not LittleEndian/VectorView.
    private static byte[] f32Blob(float[] v) {
        ByteBuffer buffer = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) buffer.putFloat(f);
        return buffer.array();
    }

    private static byte[] f64Blob(double[] v) {
        ByteBuffer buffer = ByteBuffer.allocate(v.length * 8 + 1).order(ByteOrder.LITTLE_ENDIAN);
        for (double d : v) buffer.putDouble(d);
        return buffer.put((byte) 2).array();
    }
}
