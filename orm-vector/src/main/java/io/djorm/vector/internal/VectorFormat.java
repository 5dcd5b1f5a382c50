package io.djorm.vector.internal;

/**
 * The element types djorm reads and writes, with their libSQL blob encodings. An F32 blob is the
 * little-endian floats and nothing else (libSQL also accepts them followed by the type byte 1); an F64
 * blob is the little-endian doubles followed by the type byte 2, so its length is always odd.
 */
public enum VectorFormat {
    /** 32-bit floats, as {@code vector32()} and {@code F32_BLOB(n)} columns store them. */
    F32(Float.BYTES, 1),
    /** 64-bit floats, as {@code vector64()} stores them. */
    F64(Double.BYTES, 2);

    private final int elementBytes;
    private final int typeByte;

    VectorFormat(int elementBytes, int typeByte) {
        this.elementBytes = elementBytes;
        this.typeByte = typeByte;
    }

    /** Bytes per element. */
    public int elementBytes() {
        return elementBytes;
    }

    /** The trailing byte that marks this format at the end of an odd-length blob. */
    public int typeByte() {
        return typeByte;
    }

    /** Whether the serialized form ends with {@link #typeByte()} (only F64: F32 blobs stay unmarked). */
    public boolean marked() {
        return this == F64;
    }

    /** The length of the serialized blob for the given number of dimensions. */
    public int blobLength(int dims) {
        return dims * elementBytes + (marked() ? 1 : 0);
    }
}
