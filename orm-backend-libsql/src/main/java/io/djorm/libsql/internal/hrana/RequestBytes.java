package io.djorm.libsql.internal.hrana;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * The bytes of one request body as a JSON generator writes them: usually in a single flush of its own
 * (recycled) buffer, which is kept as the exact-size array to send. Jackson's {@code ByteArrayBuilder}
 * would first allocate a 1 KiB block and a list for more, then copy it all again into the array returned.
 */
final class RequestBytes extends OutputStream {
    private static final byte[] EMPTY = new byte[0];
    private byte[] bytes = EMPTY;
    private int size;

    @Override
    public void write(int b) {
        ensureRoom(1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int offset, int length) {
        if (size == 0 && bytes.length == 0) {
            bytes = Arrays.copyOfRange(b, offset, offset + length); // the usual single flush, kept exactly
            size = length;
            return;
        }
        ensureRoom(length);
        System.arraycopy(b, offset, bytes, size, length);
        size += length;
    }

    /** The bytes written, in an array of their exact length. */
    byte[] toByteArray() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }

    private void ensureRoom(int more) {
        if (bytes.length - size >= more) return;
        long wanted = Math.max((long) size + more, 2L * bytes.length);
        if (wanted > Integer.MAX_VALUE - 8) {
            if ((long) size + more > Integer.MAX_VALUE - 8) throw new OutOfMemoryError("a request body over 2 GiB");
            wanted = Integer.MAX_VALUE - 8;
        }
        bytes = Arrays.copyOf(bytes, (int) Math.max(wanted, 64));
    }
}
