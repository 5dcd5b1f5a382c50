package io.djorm.vector.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Kept vectors rank exactly as the scan of their blobs does: the same distances bit for bit (so the
 * same top-k as {@code ORDER BY vector_distance_cos(...), pk}), over several chunks, with ties by key,
 * and with rows that are not plain F32 blobs scored (or refused) as the scan scores them.
 */
class DecodedVectorsTest {
    private final Random random = new Random(5);

    @Test
    void decodedRowsScoreBitForBitLikeTheirBlobs() {
        for (int dims : new int[] {1, 2, 3, 7, 384}) {
            float[] query = randomVector(dims);
            for (VectorDistance metric : VectorDistance.values()) {
                ScanProbe probe = new ScanProbe(metric, query);
                float[] floats = new float[3 * dims];
                for (int row = 0; row < 3; row++) {
                    float[] v = randomVector(dims);
                    System.arraycopy(v, 0, floats, row * dims, dims);
                    double fromBlob = probe.distanceTo(VectorType.f32Blob(v));
                    double fromFloats = probe.distanceTo(floats, row * dims, ScanProbe.normSquared(floats, row * dims, dims));
                    assertThat(fromFloats).as(metric + " over " + dims + " dimensions").isEqualTo(fromBlob);
                }
            }
        }
    }

    @Test
    void theTopKOverManyChunksEqualsTheScansWithTiesByKey() {
        int dims = 384;
        int rows = 3 * (DecodedVectors.CHUNK_FLOATS / dims) + 17;
        DecodedVectors.Builder builder = new DecodedVectors.Builder(dims, Long.MAX_VALUE);
        List<byte[]> blobs = new ArrayList<>();
        float[] twin = randomVector(dims);
        for (long id = 0; id < rows; id++) {
            // Every tenth row is the same vector: ties that only the key can order.
            byte[] blob = VectorType.f32Blob(id % 10 == 0 ? twin : randomVector(dims));
            blobs.add(blob);
            builder.add(rows - id, blob);
        }
        DecodedVectors kept = builder.build(7);
        assertThat(kept.size()).isEqualTo(rows);
        assertThat(kept.version()).isEqualTo(7);
        assertThat(kept.bytes()).isGreaterThan((long) rows * dims * Float.BYTES);
        for (VectorDistance metric : VectorDistance.values()) {
            for (float[] query : List.of(twin, randomVector(dims))) {
                ScanProbe probe = new ScanProbe(metric, query);
                List<Long> expected = new ArrayList<>();
                for (long id = 0; id < rows; id++) expected.add(id);
                expected.sort(Comparator.<Long>comparingDouble(id -> probe.distanceTo(blobs.get((int) (long) id)))
                        .thenComparing(id -> rows - id));
                List<Object> want = expected.subList(0, 25).stream().map(id -> (Object) (rows - id)).toList();
                assertThat(kept.nearestKeys(probe, 25)).as(metric.name()).containsExactlyElementsOf(want);
            }
        }
    }

    @Test
    void rowsThatAreNotPlainBlobsAreScoredOrRefusedAsTheScanDoes() {
        float[] query = randomVector(4);
        byte[] plain = VectorType.f32Blob(query);
        byte[] marked = java.util.Arrays.copyOf(plain, plain.length + 1);
        marked[plain.length] = 1; // libSQL's F32 type byte
        DecodedVectors.Builder builder = new DecodedVectors.Builder(4, Long.MAX_VALUE);
        builder.add(1L, VectorType.f32Blob(randomVector(4)));
        builder.add(2L, marked);
        ScanProbe probe = new ScanProbe(VectorDistance.COSINE, query);
        assertThat(builder.build(1).nearestKeys(probe, 2)).containsExactly(2L, 1L);

        builder.add(3L, VectorType.f32Blob(randomVector(3)));
        DecodedVectors withAShortRow = builder.build(1);
        assertThatThrownBy(() -> withAShortRow.nearestKeys(probe, 2)).isInstanceOf(InvalidVectorException.class)
                .hasMessageContaining("different dimensions");
    }

    @Test
    void aBuilderGivesUpBeyondItsLimit() {
        DecodedVectors.Builder builder = new DecodedVectors.Builder(384, 100_000);
        for (long id = 0; id < 200; id++) builder.add(id, VectorType.f32Blob(randomVector(384)));
        assertThat(builder.abandoned()).isTrue();
        assertThatThrownBy(() -> builder.build(1)).isInstanceOf(IllegalStateException.class);
    }

    private float[] randomVector(int dims) {
        float[] v = new float[dims];
        for (int i = 0; i < dims; i++) v[i] = (float) (random.nextDouble() * 2 - 1);
        return v;
    }
}
