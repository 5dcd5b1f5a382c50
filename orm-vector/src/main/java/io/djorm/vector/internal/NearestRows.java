package io.djorm.vector.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code k} nearest rows seen so far, by distance and then primary key (so that ties rank the
 * same way as {@code ORDER BY distance, pk}): a sorted array of at most {@code k} entries, which a
 * scan of many rows mostly only compares with its last (worst) entry.
 */
final class NearestRows {
    private final double[] distances;
    private final Object[] keys;
    private int size;

    NearestRows(int k) {
        distances = new double[k];
        keys = new Object[k];
    }

    /** Whether a row at {@code distance} could enter: the list is not full, or it is no farther than the worst. */
    boolean admits(double distance) {
        return size < distances.length || distance <= distances[size - 1];
    }

    /** Offers a row; it enters when it ranks before the worst kept row (or the list is not full). */
    void offer(double distance, Object key) {
        int at = size;
        while (at > 0 && before(distance, key, distances[at - 1], keys[at - 1])) at--;
        if (at == distances.length) return;
        int last = Math.min(size, distances.length - 1);
        System.arraycopy(distances, at, distances, at + 1, last - at);
        System.arraycopy(keys, at, keys, at + 1, last - at);
        distances[at] = distance;
        keys[at] = key;
        if (size < distances.length) size++;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean before(double distance, Object key, double otherDistance, Object otherKey) {
        int byDistance = Double.compare(distance, otherDistance);
        if (byDistance != 0) return byDistance < 0;
        return ((Comparable) key).compareTo(otherKey) < 0;
    }

    /** The primary keys kept, nearest first. */
    List<Object> keys() {
        List<Object> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) out.add(keys[i]);
        return out;
    }
}
