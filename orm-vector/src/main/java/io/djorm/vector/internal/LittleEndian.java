package io.djorm.vector.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads and writes little-endian floats and doubles straight in a {@code byte[]}, without a ByteBuffer
 * per call. The JIT compiles these view handles to plain (unaligned) loads and stores.
 */
public final class LittleEndian {
    private static final VarHandle FLOATS = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLES = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

    private LittleEndian() {
    }

    /** The float whose four bytes start at {@code offset}. */
    public static float getFloat(byte[] bytes, int offset) {
        return (float) FLOATS.get(bytes, offset);
    }

    /** The double whose eight bytes start at {@code offset}. */
    public static double getDouble(byte[] bytes, int offset) {
        return (double) DOUBLES.get(bytes, offset);
    }

    /** Writes a float as four bytes at {@code offset}. */
    public static void putFloat(byte[] bytes, int offset, float value) {
        FLOATS.set(bytes, offset, value);
    }

    /** Writes a double as eight bytes at {@code offset}. */
    public static void putDouble(byte[] bytes, int offset, double value) {
        DOUBLES.set(bytes, offset, value);
    }
}
