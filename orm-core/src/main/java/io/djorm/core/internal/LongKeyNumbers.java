package io.djorm.core.internal;

/**
 * Numbers distinct {@code long} keys 0, 1, 2... in the order they are first added, in an open-addressing
 * table of primitives: looking a key up neither boxes it nor follows a pointer to compare it, which a
 * {@code HashMap<Long, ...>} does for every prefetched row.
 */
final class LongKeyNumbers {
    private final long[] keys;
    /** The number of the key in the same cell, plus one; zero marks an empty cell. */
    private final int[] numbers;
    private final int shift;
    private final int capacity;
    private int size;

    /** A table for up to {@code capacity} distinct keys; it does not grow. */
    LongKeyNumbers(int capacity) {
        int cells = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) << 1; // a power of two, at most half full
        keys = new long[cells];
        numbers = new int[cells];
        shift = 64 - Integer.numberOfTrailingZeros(cells);
        this.capacity = capacity;
    }

    /** How many distinct keys were added. */
    int size() {
        return size;
    }

    /** The key's number, giving it the next one when it is new. */
    int add(long key) {
        int i = cell(key);
        while (numbers[i] != 0) {
            if (keys[i] == key) return numbers[i] - 1;
            i = (i + 1) & (numbers.length - 1);
        }
        if (size == capacity) throw new IllegalStateException("More than " + capacity + " distinct keys.");
        keys[i] = key;
        numbers[i] = ++size;
        return size - 1;
    }

    /** The key's number, or -1 when it was never added. */
    int find(long key) {
        int i = cell(key);
        while (numbers[i] != 0) {
            if (keys[i] == key) return numbers[i] - 1;
            i = (i + 1) & (numbers.length - 1);
        }
        return -1;
    }

    /** Fibonacci hashing: the high bits of the key times 2^64 / phi spread consecutive keys over the table. */
    private int cell(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }
}
