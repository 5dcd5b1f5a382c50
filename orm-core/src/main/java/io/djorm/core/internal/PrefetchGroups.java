package io.djorm.core.internal;

import io.djorm.core.Model;
import io.djorm.core.internal.fields.IntegerKeys;
import io.djorm.core.meta.FieldAccessor;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.spi.RowCursor;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * The rows of one prefetch step grouped by the instance they belong to. The instances' distinct keys
 * are numbered in first-seen order (the IN list's order); as the query runs, each row's key column is
 * read straight into that number ({@link QueryExecution.RowKeys}), and afterwards every instance sees
 * a slice of one array holding the rows by number, query order kept within each. When each key's rows
 * came one after another (SQLite answers an IN list through the join table's index key by key), that
 * array is the rows in query order; otherwise they are sorted into it by number.
 * Integer keys, the usual case, are compared as {@code long}s: no boxing, no {@code equals} per row.
 */
final class PrefetchGroups implements QueryExecution.RowKeys {
    private final List<Object> keys;
    /** The number of each instance's key, in the instances' order; -1 for an instance without a key. */
    private final int[] numberOfInstance;
    /** The numbers of integer keys; null when some key is not an integer, then {@link #objectKeys} holds them. */
    private final LongKeyNumbers longKeys;
    private final Map<Object, Integer> objectKeys;
    /** The number of each row read so far, in query order; -1 for a row whose key is none of the instances'. */
    private int[] rowNumbers;
    private int rowCount;
    /** Each key number's first row, plus one (zero: none yet). */
    private final int[] firstRowOf;
    /** The number of the row read last, and whether every key's rows so far came one after another. */
    private int lastNumber = -1;
    private boolean contiguous = true;
    /** The field the key column was last read as, and whether its kind reads it as a plain {@code long}. */
    private FieldMeta keyReadAs;
    private boolean plainLong;
    /** Each key's rows, by key number, once {@link #group} ran. */
    private List<Model>[] lists;

    private PrefetchGroups(List<Model> instances) {
        int n = instances.size();
        keys = new ArrayList<>(n);
        numberOfInstance = new int[n];
        // Each key read once, through the accessor of the model's primary key looked up once: pk() per
        // instance would look the metadata up again for every one.
        Object[] pks = new Object[n];
        FieldAccessor pk = n == 0 ? null : instances.get(0).meta().pk().accessor();
        boolean integers = true;
        for (int i = 0; i < n; i++) {
            Object key = pk.get(instances.get(i));
            pks[i] = key;
            if (key != null && !isInteger(key)) integers = false;
        }
        longKeys = integers ? new LongKeyNumbers(n) : null;
        objectKeys = integers ? null : new HashMap<>((int) (n / 0.75f) + 1);
        for (int i = 0; i < n; i++) {
            Object key = pks[i];
            if (key == null) {
                numberOfInstance[i] = -1;
                continue;
            }
            int number = integers ? longKeys.add(((Number) key).longValue()) : objectKeys.computeIfAbsent(key, k -> keys.size());
            if (number == keys.size()) keys.add(key);
            numberOfInstance[i] = number;
        }
        rowNumbers = new int[Math.max(16, 2 * n)];
        firstRowOf = new int[keys.size()];
    }

    /** Groups for these instances (all of one model: the first one's primary key is read on each), keyed by their primary keys. */
    static PrefetchGroups byPrimaryKey(List<Model> instances) {
        return new PrefetchGroups(instances);
    }

    private static boolean isInteger(Object key) {
        return key instanceof Long || key instanceof Integer || key instanceof Short || key instanceof Byte;
    }

    /** The instances' distinct keys, in first-seen order. */
    List<Object> keys() {
        return keys;
    }

    @Override
    public void read(RowCursor row, int column, FieldMeta readAs) {
        if (readAs != keyReadAs) {
            keyReadAs = readAs;
            plainLong = longKeys != null && readAs != null && IntegerKeys.readsPlainLong(readAs.type());
        }
        int number;
        if (plainLong) {
            long v = row.getLong(column);
            number = v == 0 && row.wasNull() ? -1 : longKeys.find(v);
        } else {
            Object key = readAs == null ? row.getObject(column) : StoredValues.read(readAs, row, column);
            number = numberOf(key);
        }
        if (number != lastNumber) {
            if (number >= 0) {
                if (firstRowOf[number] != 0) contiguous = false; // the key's rows resume after another's
                else firstRowOf[number] = rowCount + 1;
            }
            lastNumber = number;
        }
        if (rowCount == rowNumbers.length) rowNumbers = java.util.Arrays.copyOf(rowNumbers, rowCount * 2);
        rowNumbers[rowCount++] = number;
    }

    private int numberOf(Object key) {
        if (key == null) return -1;
        if (longKeys != null) return isInteger(key) ? longKeys.find(((Number) key).longValue()) : -1;
        Integer number = objectKeys.get(key);
        return number == null ? -1 : number;
    }

    /**
     * Sorts {@code rows}, the rows whose keys were read, in the same order, into their instances' groups;
     * then {@link #rowsOf} answers for each instance.
     */
    void group(List<Model> rows) {
        if (rows.size() != rowCount) {
            throw new IllegalStateException(rows.size() + " rows but " + rowCount + " keys were read.");
        }
        int groups = keys.size();
        int[] start = new int[groups + 1];
        for (int r = 0; r < rowCount; r++) if (rowNumbers[r] >= 0) start[rowNumbers[r] + 1]++;
        lists = newLists(groups);
        if (contiguous) {
            // Each key's rows are one run of the query's rows: slices of them as they came, nothing to move.
            Object[] inOrder = rows.toArray();
            for (int g = 0; g < groups; g++) {
                int count = start[g + 1];
                int first = firstRowOf[g] - 1;
                lists[g] = count == 0 ? List.of() : new Slice(inOrder, first, first + count);
            }
            return;
        }
        for (int g = 0; g < groups; g++) start[g + 1] += start[g];
        Model[] sorted = new Model[start[groups]];
        int[] next = java.util.Arrays.copyOf(start, groups);
        for (int r = 0; r < rowCount; r++) {
            int g = rowNumbers[r];
            if (g >= 0) sorted[next[g]++] = rows.get(r);
        }
        for (int g = 0; g < groups; g++) lists[g] = start[g] == start[g + 1] ? List.of() : new Slice(sorted, start[g], start[g + 1]);
    }

    /**
     * The rows of the instance at {@code index} in the instances' order, after {@link #group}: a read-only
     * list, empty when it has none (or no key); instances with the same key share one.
     */
    List<Model> rowsOf(int index) {
        int g = numberOfInstance[index];
        return g < 0 ? List.of() : lists[g];
    }

    @SuppressWarnings("unchecked")
    private static List<Model>[] newLists(int n) {
        return (List<Model>[]) new List<?>[n];
    }

    /** A read-only view of part of an array of models that nothing writes once the view exists. */
    private static final class Slice extends AbstractList<Model> implements RandomAccess {
        private final Object[] rows;
        private final int from;
        private final int size;

        Slice(Object[] rows, int from, int to) {
            this.rows = rows;
            this.from = from;
            this.size = to - from;
        }

        @Override
        public Model get(int index) {
            java.util.Objects.checkIndex(index, size);
            return (Model) rows[from + index];
        }

        @Override
        public int size() {
            return size;
        }
    }
}
