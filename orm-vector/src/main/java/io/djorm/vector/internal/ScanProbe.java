package io.djorm.vector.internal;

/**
 * A query vector prepared for scoring many stored F32 blobs in Java: its elements decoded once and,
 * for cosine, its squared norm summed once. The loops pair and order their sums exactly as
 * {@link VectorDistance}'s do, so every distance is bit-for-bit the one {@code vector_distance_cos} /
 * {@code vector_distance_l2} computes for the same row, and a Java ranking equals the SQL one.
 */
public final class ScanProbe {
    private final VectorDistance metric;
    private final float[] query;
    private final byte[] queryBlob;
    private final double queryNormSquared;
    private final VectorView rowView = new VectorView();
    private final VectorView queryView = new VectorView();

    /** A probe for {@code query} (F32 elements) by {@code metric}. */
    public ScanProbe(VectorDistance metric, float[] query) {
        this.metric = metric;
        this.query = query.clone();
        this.queryBlob = VectorType.f32Blob(query);
        double even = 0;
        double odd = 0;
        int i = 0;
        for (int end = query.length & ~1; i < end; i += 2) {
            even += (double) query[i] * query[i];
            odd += (double) query[i + 1] * query[i + 1];
        }
        if (i < query.length) even += (double) query[i] * query[i];
        this.queryNormSquared = even + odd;
    }

    /**
     * The distance from a stored blob to the query. A plain F32 blob of the query's length takes the
     * fast loop; any other blob goes through the SQL function's own code, which also raises its errors.
     */
    public double distanceTo(byte[] blob) {
        if (blob.length != query.length * Float.BYTES) {
            return metric.between(rowView.wrap(blob), queryView.wrap(queryBlob));
        }
        return metric == VectorDistance.COSINE ? cosine(blob) : l2(blob);
    }

    /** The number of dimensions a stored vector must have to take the fast loops. */
    public int dimensions() {
        return query.length;
    }

    /**
     * The squared norm of a decoded row, summed as {@link #distanceTo(byte[])} sums it (even and odd
     * elements apart, then added), so that a distance from it is bit-for-bit the SQL function's.
     */
    public static double normSquared(float[] floats, int offset, int dims) {
        double even = 0;
        double odd = 0;
        int i = 0;
        for (int end = dims & ~1; i < end; i += 2) {
            double x0 = floats[offset + i];
            double x1 = floats[offset + i + 1];
            even += x0 * x0;
            odd += x1 * x1;
        }
        if (i < dims) {
            double x = floats[offset + i];
            even += x * x;
        }
        return even + odd;
    }

    /**
     * The distance from a decoded row ({@link #dimensions()} floats from {@code offset}) to the query:
     * the same sums as for its blob. {@code rowNormSquared} is {@link #normSquared} of the row (cosine only).
     */
    public double distanceTo(float[] floats, int offset, double rowNormSquared) {
        return metric == VectorDistance.COSINE ? cosine(floats, offset, rowNormSquared) : l2(floats, offset);
    }

    private double cosine(float[] row, int offset, double rowNormSquared) {
        double dot0 = 0, dot1 = 0;
        int i = 0;
        int end = query.length & ~1;
        for (; i < end; i += 2) {
            dot0 += (double) row[offset + i] * query[i];
            dot1 += (double) row[offset + i + 1] * query[i + 1];
        }
        if (i < query.length) dot0 += (double) row[offset + i] * query[i];
        return VectorDistance.cosine(dot0 + dot1, rowNormSquared, queryNormSquared);
    }

    private double l2(float[] row, int offset) {
        double sum0 = 0, sum1 = 0, sum2 = 0, sum3 = 0;
        int i = 0;
        int end = query.length & ~3;
        for (; i < end; i += 4) {
            double d0 = (double) row[offset + i] - query[i];
            double d1 = (double) row[offset + i + 1] - query[i + 1];
            double d2 = (double) row[offset + i + 2] - query[i + 2];
            double d3 = (double) row[offset + i + 3] - query[i + 3];
            sum0 += d0 * d0;
            sum1 += d1 * d1;
            sum2 += d2 * d2;
            sum3 += d3 * d3;
        }
        for (; i < query.length; i++) {
            double d = (double) row[offset + i] - query[i];
            sum0 += d * d;
        }
        return Math.sqrt((sum0 + sum1) + (sum2 + sum3));
    }

    private double cosine(byte[] row) {
        double dot0 = 0, dot1 = 0, aa0 = 0, aa1 = 0;
        int i = 0;
        int end = query.length & ~1;
        for (; i < end; i += 2) {
            int o = i * Float.BYTES;
            double x0 = LittleEndian.getFloat(row, o);
            double x1 = LittleEndian.getFloat(row, o + Float.BYTES);
            dot0 += x0 * query[i];
            aa0 += x0 * x0;
            dot1 += x1 * query[i + 1];
            aa1 += x1 * x1;
        }
        if (i < query.length) {
            double x = LittleEndian.getFloat(row, i * Float.BYTES);
            dot0 += x * query[i];
            aa0 += x * x;
        }
        return VectorDistance.cosine(dot0 + dot1, aa0 + aa1, queryNormSquared);
    }

    private double l2(byte[] row) {
        double sum0 = 0, sum1 = 0, sum2 = 0, sum3 = 0;
        int i = 0;
        int end = query.length & ~3;
        for (; i < end; i += 4) {
            int o = i * Float.BYTES;
            double d0 = (double) LittleEndian.getFloat(row, o) - query[i];
            double d1 = (double) LittleEndian.getFloat(row, o + 4) - query[i + 1];
            double d2 = (double) LittleEndian.getFloat(row, o + 8) - query[i + 2];
            double d3 = (double) LittleEndian.getFloat(row, o + 12) - query[i + 3];
            sum0 += d0 * d0;
            sum1 += d1 * d1;
            sum2 += d2 * d2;
            sum3 += d3 * d3;
        }
        for (; i < query.length; i++) {
            double d = (double) LittleEndian.getFloat(row, i * Float.BYTES) - query[i];
            sum0 += d * d;
        }
        return Math.sqrt((sum0 + sum1) + (sum2 + sum3));
    }
}
