package io.djorm.vector.backends;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Distances and rankings computed in Java, in double precision, to check the database's answers against. */
final class BruteForce {
    private BruteForce() {
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            aa += (double) a[i] * a[i];
            bb += (double) b[i] * b[i];
        }
        return 1 - dot / Math.sqrt(aa * bb);
    }

    static double l2(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (double) a[i] - b[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    /** The ids of the {@code k} rows nearest to {@code query} by {@code distance}, nearest first. */
    static List<Long> topK(Map<Long, float[]> rows, float[] query, int k, Distance distance) {
        List<Long> ids = new ArrayList<>(rows.keySet());
        ids.sort(Comparator.comparingDouble(id -> distance.between(rows.get(id), query)));
        return ids.subList(0, Math.min(k, ids.size()));
    }

    /** A distance between two vectors. */
    interface Distance {
        double between(float[] a, float[] b);
    }
}
