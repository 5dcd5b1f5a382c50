package io.djorm.vector.internal;

/**
 * A vector read in place from its libSQL blob: the format, the number of dimensions and the bytes,
 * whose elements start at offset 0. Mutable and reusable, so that a SQL function called once per row
 * allocates nothing to look at its arguments.
 *
 * <p>Blob rules (libSQL and Turso agree): an even length is F32 with no type byte; an odd length ends
 * with a type byte, 1 for F32 and 2 for F64. The other libSQL types (1-bit, 8-bit, 16-bit, sparse) are
 * refused with a message.
 */
public final class VectorView {
    private static final byte[] EMPTY = new byte[0];

    private VectorFormat format = VectorFormat.F32;
    private byte[] bytes = EMPTY;
    private int dims;

    /** Points this view at a blob and checks its layout; a null blob is the empty F32 vector. */
    public VectorView wrap(byte[] blob) {
        byte[] b = blob == null ? EMPTY : blob;
        int dataLength = b.length;
        VectorFormat f = VectorFormat.F32;
        if ((dataLength & 1) == 1) {
            f = formatOfTypeByte(b[dataLength - 1] & 0xff, dataLength);
            dataLength--;
        }
        if (dataLength % f.elementBytes() != 0) {
            throw new InvalidVectorException("a " + b.length + "-byte blob is not a valid " + f + " vector: its data must be "
                    + "a multiple of " + f.elementBytes() + " bytes; build vectors with vector32('[1,2,3]') or vector64(...)");
        }
        this.format = f;
        this.bytes = b;
        this.dims = dataLength / f.elementBytes();
        return this;
    }

    private static VectorFormat formatOfTypeByte(int typeByte, int blobLength) {
        switch (typeByte) {
            case 1:
                return VectorFormat.F32;
            case 2:
                return VectorFormat.F64;
            case 3:
            case 4:
            case 5:
            case 6:
            case 9:
                throw new InvalidVectorException("the blob is a libSQL " + typeName(typeByte) + " vector (type byte "
                        + typeByte + "), which djorm's SQLite functions do not support; store F32 or F64 vectors");
            default:
                throw new InvalidVectorException("a " + blobLength + "-byte blob ending in byte " + typeByte
                        + " is not a vector (an odd-length vector blob ends with its type: 1 for F32, 2 for F64)");
        }
    }

    private static String typeName(int typeByte) {
        switch (typeByte) {
            case 3: return "1-bit";
            case 4: return "8-bit";
            case 5: return "16-bit float";
            case 6: return "bfloat16";
            default: return "sparse";
        }
    }

    /** The element format. */
    public VectorFormat format() {
        return format;
    }

    /** The number of elements. */
    public int dims() {
        return dims;
    }

    /** The underlying bytes; element {@code i} starts at {@code i * format().elementBytes()}. */
    public byte[] bytes() {
        return bytes;
    }

    /** Element {@code i} as a double, whatever the format. */
    public double get(int i) {
        return format == VectorFormat.F32
                ? LittleEndian.getFloat(bytes, i * Float.BYTES)
                : LittleEndian.getDouble(bytes, i * Double.BYTES);
    }

    /** The vector serialized in the given format: F32 unmarked, F64 with its type byte. */
    public byte[] serialize(VectorFormat target) {
        if (target == format && bytes.length == target.blobLength(dims)) return bytes;
        byte[] out = new byte[target.blobLength(dims)];
        if (target == format) {
            System.arraycopy(bytes, 0, out, 0, dims * target.elementBytes());
        } else if (target == VectorFormat.F32) {
            for (int i = 0; i < dims; i++) LittleEndian.putFloat(out, i * Float.BYTES, (float) get(i));
        } else {
            for (int i = 0; i < dims; i++) LittleEndian.putDouble(out, i * Double.BYTES, get(i));
        }
        if (target.marked()) out[out.length - 1] = (byte) target.typeByte();
        return out;
    }

    /** The elements as floats (F64 values are rounded to the nearest float). */
    public float[] toFloats() {
        float[] out = new float[dims];
        for (int i = 0; i < dims; i++) out[i] = (float) get(i);
        return out;
    }
}
