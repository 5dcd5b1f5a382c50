package io.djorm.libsql.internal.hrana;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A response body read through a limit: reading past {@code limit} bytes fails with {@link TooLarge}
 * instead of filling the heap, and the first bytes are kept so that an error can quote them.
 */
final class BoundedBody extends FilterInputStream {
    private static final int KEPT = 512;
    private final long limit;
    private final byte[] start = new byte[KEPT];
    private int kept;
    private long count;

    BoundedBody(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) counted(new byte[] {(byte) b}, 0, 1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) counted(buffer, offset, n);
        return n;
    }

    private void counted(byte[] buffer, int offset, int n) throws TooLarge {
        if (kept < KEPT) {
            int copy = Math.min(n, KEPT - kept);
            System.arraycopy(buffer, offset, start, kept, copy);
            kept += copy;
        }
        count += n;
        if (count > limit) throw new TooLarge();
    }

    /** The first bytes read, as text. */
    String start() {
        return new String(start, 0, kept, StandardCharsets.UTF_8);
    }

    /** The body went past the limit. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("the response body is larger than the limit");
        }
    }
}
