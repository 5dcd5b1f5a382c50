package io.djorm.vector.internal;

/**
 * The distance measures of libSQL's {@code vector_distance_cos} and {@code vector_distance_l2}, computed
 * straight from the blob bytes in double precision.
 *
 * <p>Cosine distance is {@code 1 - dot(a,b) / sqrt(|a|² |b|²)}, with Turso's conventions at the edges:
 * two zero vectors are identical (0), a zero vector against any other is 1, and results are clamped to
 * be non-negative (a NaN element gives 0). L2 is the Euclidean distance {@code sqrt(Σ (a-b)²)}.
 *
 * <p>These run once per row over whole tables, so the loops read elements in place and keep several
 * independent sums, letting the CPU overlap the additions.
 */
public enum VectorDistance {
    /** {@code vector_distance_cos}. */
    COSINE("vector_distance_cos") {
        @Override
        double f32(byte[] a, byte[] b, int dims) {
            double dot0 = 0, dot1 = 0, aa0 = 0, aa1 = 0, bb0 = 0, bb1 = 0;
            int i = 0;
            int end = dims & ~1;
            for (; i < end; i += 2) {
                int o = i * Float.BYTES;
                double x0 = LittleEndian.getFloat(a, o);
                double y0 = LittleEndian.getFloat(b, o);
                double x1 = LittleEndian.getFloat(a, o + Float.BYTES);
                double y1 = LittleEndian.getFloat(b, o + Float.BYTES);
                dot0 += x0 * y0;
                aa0 += x0 * x0;
                bb0 += y0 * y0;
                dot1 += x1 * y1;
                aa1 += x1 * x1;
                bb1 += y1 * y1;
            }
            if (i < dims) {
                double x = LittleEndian.getFloat(a, i * Float.BYTES);
                double y = LittleEndian.getFloat(b, i * Float.BYTES);
                dot0 += x * y;
                aa0 += x * x;
                bb0 += y * y;
            }
            return cosine(dot0 + dot1, aa0 + aa1, bb0 + bb1);
        }

        @Override
        double f64(byte[] a, byte[] b, int dims) {
            double dot = 0, aa = 0, bb = 0;
            for (int i = 0; i < dims; i++) {
                double x = LittleEndian.getDouble(a, i * Double.BYTES);
                double y = LittleEndian.getDouble(b, i * Double.BYTES);
                dot += x * y;
                aa += x * x;
                bb += y * y;
            }
            return cosine(dot, aa, bb);
        }
    },

    /** {@code vector_distance_l2}. */
    L2("vector_distance_l2") {
        @Override
        double f32(byte[] a, byte[] b, int dims) {
            double sum0 = 0, sum1 = 0, sum2 = 0, sum3 = 0;
            int i = 0;
            int end = dims & ~3;
            for (; i < end; i += 4) {
                int o = i * Float.BYTES;
                double d0 = (double) LittleEndian.getFloat(a, o) - LittleEndian.getFloat(b, o);
                double d1 = (double) LittleEndian.getFloat(a, o + 4) - LittleEndian.getFloat(b, o + 4);
                double d2 = (double) LittleEndian.getFloat(a, o + 8) - LittleEndian.getFloat(b, o + 8);
                double d3 = (double) LittleEndian.getFloat(a, o + 12) - LittleEndian.getFloat(b, o + 12);
                sum0 += d0 * d0;
                sum1 += d1 * d1;
                sum2 += d2 * d2;
                sum3 += d3 * d3;
            }
            for (; i < dims; i++) {
                double d = (double) LittleEndian.getFloat(a, i * Float.BYTES) - LittleEndian.getFloat(b, i * Float.BYTES);
                sum0 += d * d;
            }
            return Math.sqrt((sum0 + sum1) + (sum2 + sum3));
        }

        @Override
        double f64(byte[] a, byte[] b, int dims) {
            double sum = 0;
            for (int i = 0; i < dims; i++) {
                double d = LittleEndian.getDouble(a, i * Double.BYTES) - LittleEndian.getDouble(b, i * Double.BYTES);
                sum += d * d;
            }
            return Math.sqrt(sum);
        }
    };

    private final String sqlName;

    VectorDistance(String sqlName) {
        this.sqlName = sqlName;
    }

    /** The SQL function name. */
    public String sqlName() {
        return sqlName;
    }

    /**
     * The distance between two vectors of the same format and length.
     *
     * @throws InvalidVectorException when the lengths or formats differ
     */
    public double between(VectorView a, VectorView b) {
        if (a.dims() != b.dims()) {
            throw new InvalidVectorException("the vectors have different dimensions (" + a.dims() + " and " + b.dims()
                    + "); compare vectors of the same length");
        }
        if (a.format() != b.format()) {
            throw new InvalidVectorException("the vectors have different types (" + a.format() + " and " + b.format()
                    + "); convert both with vector32(...) or both with vector64(...)");
        }
        return a.format() == VectorFormat.F32 ? f32(a.bytes(), b.bytes(), a.dims()) : f64(a.bytes(), b.bytes(), a.dims());
    }

    abstract double f32(byte[] a, byte[] b, int dims);

    abstract double f64(byte[] a, byte[] b, int dims);

    static double cosine(double dot, double aa, double bb) {
        if (aa == 0 && bb == 0) return 0;
        if (dot == 0) return 1;
        double distance = 1 - dot / Math.sqrt(aa * bb);
        // Also maps NaN to 0, as Turso does.
        return distance > 0 ? distance : 0;
    }
}
