package io.djorm.examples.bookshop;

import java.util.Locale;

/**
 * A toy text embedding: each word is hashed into one of {@link #DIMENSIONS} buckets, and the counts
 * are normalised to length 1, so texts sharing words point in similar directions. It keeps the example
 * self-contained; a real application would call an embedding model and store its vectors the same way.
 */
public final class Embeddings {
    /** The number of dimensions of every embedding. */
    public static final int DIMENSIONS = 256;

    private static final java.util.Set<String> STOP_WORDS = java.util.Set.of("the", "and", "for", "his", "her",
            "its", "with", "from", "that", "this", "home");

    private Embeddings() {
    }

    /** Spreads String.hashCode's bits, so that similar words land in unrelated buckets. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    /** The embedding of a text. */
    public static float[] of(String text) {
        float[] v = new float[DIMENSIONS];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (word.length() < 3 || STOP_WORDS.contains(word)) continue; // words every text has: noise
            v[Math.floorMod(mix(word.hashCode()), DIMENSIONS)] += 1f;
        }
        double norm = 0;
        for (float x : v) norm += x * x;
        if (norm == 0) return v;
        for (int i = 0; i < v.length; i++) v[i] = (float) (v[i] / Math.sqrt(norm));
        return v;
    }
}
