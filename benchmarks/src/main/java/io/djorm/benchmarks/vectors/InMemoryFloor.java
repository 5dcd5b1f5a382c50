package io.djorm.benchmarks.vectors;

import java.util.ArrayList;
import java.util.List;

/**
 * The in-memory floor of an exact top-k cosine search: every vector already in one {@code float[]},
 * a plain loop computing each cosine distance, and the best {@code k} kept in a small sorted array.
 * No database, no decoding: what a search cannot beat without SIMD or an index.
 */
final class InMemoryFloor {
    private final long[] ids;
    private final float[] vectors;
    private final int dims;

    InMemoryFloor(long[] ids, float[] vectors, int dims) {
        this.ids = ids;
        this.vectors = vectors;
        this.dims = dims;
    }

    /** The ids of the {@code k} vectors nearest to {@code query} by cosine distance, nearest first (ties by id). */
    List<Long> nearest(float[] query, int k) {
        double qq = 0;
        for (float q : query) qq += (double) q * q;
        double[] best = new double[k];
        long[] bestIds = new long[k];
        int size = 0;
        for (int row = 0; row < ids.length; row++) {
            int base = row * dims;
            double dot = 0;
            double vv = 0;
            for (int i = 0; i < dims; i++) {
                double x = vectors[base + i];
                dot += x * query[i];
                vv += x * x;
            }
            double distance = 1 - dot / Math.sqrt(vv * qq);
            if (size == k && distance >= best[k - 1]) continue;
            int at = size < k ? size++ : k - 1;
            while (at > 0 && best[at - 1] > distance) {
                best[at] = best[at - 1];
                bestIds[at] = bestIds[at - 1];
                at--;
            }
            best[at] = distance;
            bestIds[at] = ids[row];
        }
        List<Long> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) out.add(bestIds[i]);
        return out;
    }
}
