package io.djorm.vector.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Java scan scores each row exactly as the SQL functions do (bit for bit, so rankings agree), for
 * even and odd lengths and for blobs that are not plain F32; the top-k list ranks ties by key.
 */
class ScanProbeTest {
    private final Random random = new Random(3);

    @Test
    void distancesEqualTheSqlFunctionsBitForBit() {
        for (int dims : new int[] {1, 2, 3, 7, 384}) {
            float[] query = randomVector(dims);
            byte[] queryBlob = VectorType.f32Blob(query);
            for (VectorDistance metric : VectorDistance.values()) {
                ScanProbe probe = new ScanProbe(metric, query);
                for (int i = 0; i < 50; i++) {
                    byte[] row = VectorType.f32Blob(randomVector(dims));
                    double sql = metric.between(new VectorView().wrap(row), new VectorView().wrap(queryBlob));
                    assertThat(probe.distanceTo(row)).as(metric + " over " + dims + " dimensions").isEqualTo(sql);
                }
            }
        }
    }

    @Test
    void otherBlobsGoThroughTheSqlFunctionsCode() {
        float[] query = {1f, 0f, 0f};
        ScanProbe probe = new ScanProbe(VectorDistance.COSINE, query);
        byte[] typedF32 = new byte[13]; // F32 with its type byte
        System.arraycopy(VectorType.f32Blob(new float[] {0f, 1f, 0f}), 0, typedF32, 0, 12);
        typedF32[12] = 1;
        assertThat(probe.distanceTo(typedF32)).isEqualTo(1.0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> probe.distanceTo(VectorType.f32Blob(new float[] {1f, 0f})))
                .isInstanceOf(InvalidVectorException.class).hasMessageContaining("different dimensions");
    }

    @Test
    void nearestRowsKeepTheBestByDistanceThenKey() {
        NearestRows nearest = new NearestRows(3);
        double[] distances = {0.5, 0.1, 0.3, 0.1, 0.9, 0.3, 0.05};
        long[] keys = {1, 9, 4, 2, 7, 3, 8};
        for (int i = 0; i < distances.length; i++) {
            if (nearest.admits(distances[i])) nearest.offer(distances[i], keys[i]);
        }
        assertThat(nearest.keys()).isEqualTo(List.of(8L, 2L, 9L));
    }

    private float[] randomVector(int dims) {
        float[] v = new float[dims];
        for (int i = 0; i < dims; i++) v[i] = (float) random.nextGaussian();
        return v;
    }
}
