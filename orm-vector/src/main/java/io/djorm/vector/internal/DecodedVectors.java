package io.djorm.vector.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of one scan kept in memory: each row's primary key, its vector decoded to floats and its
 * squared norm, as of one state of the database. Immutable once built, so any number of searches may
 * read it at once.
 *
 * <p>The floats sit in chunks of at most {@value #CHUNK_FLOATS} (256 kB), not one array: a single
 * 150 MB array needs that much contiguous heap, which a fragmented heap may not have. Rows whose
 * blob is not a plain F32 vector of the expected length (an F32 blob with libSQL's type byte, or one
 * the SQL function would refuse) are kept as blobs and scored through {@link ScanProbe#distanceTo(byte[])},
 * which computes or raises exactly as the scan does.
 */
public final class DecodedVectors {
    /** Floats per chunk. */
    static final int CHUNK_FLOATS = 1 << 16;
    /** Heap cost of a row besides its floats: its squared norm, the key reference and a boxed key. */
    private static final int ROW_OVERHEAD_BYTES = 8 + 8 + 24;

    private final int dims;
    private final int rowsPerChunk;
    private final int rows;
    private final Object[] keys;
    private final float[][] chunks;
    private final double[] norms;
    private final Object[] otherKeys;
    private final byte[][] otherBlobs;
    private final long version;
    private final long bytes;

    private DecodedVectors(Builder b, long version) {
        this.dims = b.dims;
        this.rowsPerChunk = b.rowsPerChunk;
        this.rows = b.rows;
        this.keys = b.keys.toArray();
        this.chunks = b.chunks.toArray(new float[0][]);
        this.norms = java.util.Arrays.copyOf(b.norms, b.rows);
        this.otherKeys = b.otherKeys.toArray();
        this.otherBlobs = b.otherBlobs.toArray(new byte[0][]);
        this.version = version;
        this.bytes = b.bytes;
    }

    /** The database version these rows were read at. */
    public long version() {
        return version;
    }

    /** About how much heap the rows take. */
    public long bytes() {
        return bytes;
    }

    /** The number of dimensions of the rows decoded to floats. */
    public int dimensions() {
        return dims;
    }

    /** How many rows are kept. */
    public int size() {
        return rows + otherKeys.length;
    }

    /**
     * The primary keys of the {@code k} rows nearest to the probe, nearest first, ties by primary key:
     * the ranking a scan of the same rows gives.
     */
    public List<Object> nearestKeys(ScanProbe probe, int k) {
        if (probe.dimensions() != dims) throw new IllegalArgumentException("a " + probe.dimensions()
                + "-dimension probe against rows of " + dims + " dimensions");
        NearestRows nearest = new NearestRows(k);
        int row = 0;
        for (float[] chunk : chunks) {
            int inChunk = Math.min(rowsPerChunk, rows - row);
            for (int r = 0; r < inChunk; r++, row++) {
                double distance = probe.distanceTo(chunk, r * dims, norms[row]);
                if (nearest.admits(distance)) nearest.offer(distance, keys[row]);
            }
        }
        for (int i = 0; i < otherKeys.length; i++) {
            double distance = probe.distanceTo(otherBlobs[i]);
            if (nearest.admits(distance)) nearest.offer(distance, otherKeys[i]);
        }
        return nearest.keys();
    }

    /**
     * Collects the rows of a scan, decoding each blob as it comes. Gives up (and lets go of what it
     * holds) once the rows would take more than the byte limit.
     */
    public static final class Builder {
        private final int dims;
        private final long limitBytes;
        private final int rowsPerChunk;
        private final List<Object> keys = new ArrayList<>();
        private final List<float[]> chunks = new ArrayList<>();
        private double[] norms = new double[1024];
        private final List<Object> otherKeys = new ArrayList<>();
        private final List<byte[]> otherBlobs = new ArrayList<>();
        private float[] chunk;
        private int rows;
        private long bytes;
        private boolean abandoned;

        /** A builder for vectors of {@code dims} dimensions that gives up beyond {@code limitBytes}. */
        public Builder(int dims, long limitBytes) {
            this.dims = dims;
            this.limitBytes = limitBytes;
            this.rowsPerChunk = Math.max(1, CHUNK_FLOATS / dims);
        }

        /** Adds a row: its primary key and its vector blob as read from the database. */
        public void add(Object key, byte[] blob) {
            if (abandoned) return;
            if (blob.length != dims * Float.BYTES) {
                bytes += blob.length + ROW_OVERHEAD_BYTES;
                if (!withinLimit()) return;
                otherKeys.add(key);
                otherBlobs.add(blob.clone());
                return;
            }
            int inChunk = rows % rowsPerChunk;
            if (inChunk == 0) {
                chunk = new float[rowsPerChunk * dims];
                chunks.add(chunk);
                bytes += (long) chunk.length * Float.BYTES;
            }
            bytes += ROW_OVERHEAD_BYTES;
            if (!withinLimit()) return;
            int offset = inChunk * dims;
            for (int i = 0; i < dims; i++) chunk[offset + i] = LittleEndian.getFloat(blob, i * Float.BYTES);
            if (rows == norms.length) norms = java.util.Arrays.copyOf(norms, rows * 2);
            norms[rows] = ScanProbe.normSquared(chunk, offset, dims);
            keys.add(key);
            rows++;
        }

        private boolean withinLimit() {
            if (bytes <= limitBytes) return true;
            abandoned = true;
            keys.clear();
            chunks.clear();
            otherKeys.clear();
            otherBlobs.clear();
            chunk = null;
            norms = new double[0];
            return false;
        }

        /** Whether the rows went over the limit, so that nothing is kept. */
        public boolean abandoned() {
            return abandoned;
        }

        /** The rows collected, as read at {@code version}. */
        public DecodedVectors build(long version) {
            if (abandoned) throw new IllegalStateException("the rows went over the limit of " + limitBytes + " bytes");
            return new DecodedVectors(this, version);
        }
    }
}
