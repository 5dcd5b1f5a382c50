package io.djorm.libsql.internal.hrana;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The rows of a list of integer keys read apart from the parser ({@link CompactKeyRows}): the keys as read,
 * each row's one-value array made only when a caller asks for the rows. The keys of an atomic block's joined
 * insert go straight to their instances ({@link #key}): each was boxed and wrapped in a row of its own, then
 * unwrapped again. The rows, once asked for, are made all at once and kept, so that every look at a row sees
 * the same array, as in any other reply's rows.
 */
final class KeyRows extends AbstractList<Object[]> implements RandomAccess {
    private final long[] keys;
    private final int size;
    /** The rows, made on the first {@link #get}. */
    private Object[][] rows;

    /** The rows of the first {@code size} keys of {@code keys}, which are handed over. */
    KeyRows(long[] keys, int size) {
        this.keys = keys;
        this.size = size;
    }

    /** The key of row {@code index}: its one value, without making the row. */
    long key(int index) {
        return keys[Objects.checkIndex(index, size)];
    }

    @Override
    public Object[] get(int index) {
        Objects.checkIndex(index, size);
        Object[][] made = rows;
        if (made == null) {
            made = new Object[size][];
            for (int i = 0; i < size; i++) made[i] = new Object[] {keys[i]};
            rows = made;
        }
        return made[index];
    }

    @Override
    public int size() {
        return size;
    }
}
