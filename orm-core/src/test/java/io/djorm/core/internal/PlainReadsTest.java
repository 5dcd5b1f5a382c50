package io.djorm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.Apps;
import io.djorm.core.ValidationError;
import io.djorm.core.internal.readers.Numbers;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.ListRowCursor;
import io.djorm.core.spi.RowCursor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The integer and float columns the generated row readers read in their own bytecode (see
 * {@link io.djorm.core.internal.fields.PlainRead}): read there, and with every behaviour of the field
 * types' own {@code read}, which the accessor path still calls.
 */
class PlainReadsTest {
    private static final ModelMeta NUMBERS = Apps.meta(Numbers.class);
    private static final List<FieldMeta> FIELDS = NUMBERS.concreteFields();

    @AfterEach
    void generateAgain() {
        RowReaders.enabled(true);
    }

    /**
     * A cursor like a driver's (not the remote reply's {@link ListRowCursor}) that records which class
     * read each column with {@code getLong}/{@code getDouble}, and counts {@code wasNull} calls.
     */
    private static final class DriverCursor implements RowCursor {
        private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
        private final ListRowCursor rows;
        final Map<Integer, Class<?>> readBy = new HashMap<>();
        int wasNullCalls;
        /** Whether the next getDouble fails, once (a driver's hiccup the generated reader does not report itself). */
        boolean failOnce;

        DriverCursor(Object[] row) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < row.length; i++) names.add("c" + i);
            rows = new ListRowCursor(names, List.<Object[]>of(row));
            rows.next();
        }

        @Override public List<String> columns() { return rows.columns(); }
        @Override public boolean next() { return rows.next(); }
        @Override public Object getObject(int column) { return rows.getObject(column); }
        @Override public long getLong(int column) {
            readBy.put(column, WALKER.getCallerClass());
            return rows.getLong(column);
        }
        @Override public double getDouble(int column) {
            if (failOnce) {
                failOnce = false;
                throw new IllegalStateException("hiccup");
            }
            readBy.put(column, WALKER.getCallerClass());
            return rows.getDouble(column);
        }
        @Override public String getString(int column) { return rows.getString(column); }
        @Override public byte[] getBytes(int column) { return rows.getBytes(column); }
        @Override public boolean wasNull() {
            wasNullCalls++;
            return rows.wasNull();
        }
        @Override public void close() { rows.close(); }
    }

    /** The row in the layout's column order, each value in its database form ({@code Long}, {@code Double}). */
    private static Object[] row(Map<String, Object> values) {
        Object[] row = new Object[FIELDS.size()];
        for (int i = 0; i < row.length; i++) row[i] = values.get(FIELDS.get(i).name());
        return row;
    }

    private static Map<String, Object> full() {
        Map<String, Object> v = new HashMap<>();
        v.put("id", 9L);
        v.put("integer", -42L);
        v.put("small", 1200L);
        v.put("tiny", -7L);
        v.put("big", 1L << 40);
        v.put("real", 2.5);
        v.put("single", 0.25);
        v.put("place", 21L);
        v.put("shifted", 5L);
        return v;
    }

    private static Numbers hydrate(boolean generated, RowCursor row) {
        RowReaders.enabled(generated);
        Hydrator<Numbers> h = new Hydrator<>(NUMBERS, FIELDS, List.of(), List.of(), "default");
        assertThat(h.generatedReader() != null).as("generated reader in use").isEqualTo(generated);
        return h.read(row);
    }

    private static int column(String field) {
        return FIELDS.indexOf(NUMBERS.field(field));
    }

    @Test
    void integerAndFloatColumnsAreReadByTheGeneratedReaderItselfAndAUsersKindByItsOwnRead() {
        DriverCursor row = new DriverCursor(row(full()));
        hydrate(true, row);
        for (String name : List.of("id", "integer", "small", "tiny", "big", "real", "single", "place")) {
            assertThat(row.readBy.get(column(name)).getName()).as(name).contains("DjormRowReader");
        }
        assertThat(row.readBy.get(column("shifted")).getSimpleName()).isEqualTo("ShiftedType");
    }

    @Test
    void valuesAreBoxedAsTheFieldsDeclareThemAndAsTheAccessorPathBoxesThem() {
        Numbers generated = hydrate(true, new DriverCursor(row(full())));
        Numbers handles = hydrate(false, new DriverCursor(row(full())));
        for (Numbers n : List.of(generated, handles)) {
            assertThat(n.getId()).isEqualTo(9L);
            assertThat(n.integer).isEqualTo(-42);
            assertThat(n.small).isEqualTo((short) 1200);
            assertThat(n.tiny).isEqualTo((byte) -7);
            assertThat(n.big).isEqualTo(1L << 40);
            assertThat(n.real).isEqualTo(2.5);
            assertThat(n.single).isEqualTo(0.25f);
            assertThat(n.place.id()).isEqualTo(21L);
            assertThat(n.shifted).isEqualTo(6);
        }
    }

    @Test
    void whenTheGeneratedReaderFailsTheAccessorPathReadsTheKeyItDidNotGetFromTheCaller() {
        DriverCursor row = new DriverCursor(row(full()));
        row.failOnce = true;
        Numbers n = hydrate(true, row);
        assertThat(n.getId()).isEqualTo(9L);
        assertThat(n.real).isEqualTo(2.5);
        assertThat(row.readBy.get(column("id")).getName()).doesNotContain("DjormRowReader");
    }

    @Test
    void wasNullIsAskedOnlyAfterAZeroAndTellsNullFromZero() {
        Map<String, Object> values = full();
        values.remove("shifted");
        DriverCursor some = new DriverCursor(row(values));
        hydrate(true, some);
        assertThat(some.wasNullCalls).as("no zero read: only the user's kind asks, for its NULL").isEqualTo(1);

        Map<String, Object> zeros = new HashMap<>();
        zeros.put("id", 3L);
        for (String name : List.of("integer", "small", "tiny", "big", "place")) zeros.put(name, 0L);
        zeros.put("real", 0.0);
        zeros.put("single", 0.0);
        DriverCursor zero = new DriverCursor(row(zeros));
        Numbers z = hydrate(true, zero);
        assertThat(z.integer).isEqualTo(0);
        assertThat(z.small).isEqualTo((short) 0);
        assertThat(z.tiny).isEqualTo((byte) 0);
        assertThat(z.big).isEqualTo(0L);
        assertThat(z.real).isEqualTo(0.0);
        assertThat(z.single).isEqualTo(0.0f);
        assertThat(z.place.id()).isEqualTo(0L);
        assertThat(z.shifted).isNull();

        Map<String, Object> nulls = new HashMap<>();
        nulls.put("id", 4L);
        Numbers n = hydrate(true, new DriverCursor(row(nulls)));
        assertThat(n.integer).isNull();
        assertThat(n.small).isNull();
        assertThat(n.tiny).isNull();
        assertThat(n.big).isNull();
        assertThat(n.real).isNull();
        assertThat(n.single).isNull();
        assertThat(n.place.id()).isNull();
        assertThat(n.shifted).isNull();
        assertThat(n.getId()).isEqualTo(4L);
    }

    @Test
    void aValueOutOfItsBoxsRangeIsRefusedAsTheFieldTypeRefusesIt() {
        Map<String, Long> tooBig = Map.of("integer", 1L << 40, "small", 40_000L, "tiny", 300L);
        for (Map.Entry<String, Long> e : tooBig.entrySet()) {
            Map<String, Object> values = full();
            values.put(e.getKey(), e.getValue());
            String generated = RowReadersTest.messageOf(() -> hydrate(true, new DriverCursor(row(values))));
            String handles = RowReadersTest.messageOf(() -> hydrate(false, new DriverCursor(row(values))));
            assertThat(generated).as(e.getKey()).startsWith(ValidationError.class.getSimpleName())
                    .contains("cannot hold " + e.getValue()).isEqualTo(handles);
        }
        Map<String, Object> below = full();
        below.put("tiny", -129L);
        assertThat(RowReadersTest.messageOf(() -> hydrate(true, new DriverCursor(row(below))))).contains("out of range for Byte");
    }

    @Test
    void aRemoteRepliesIntegersAreTakenInTheBoxesItHolds() {
        Long big = Long.valueOf(1L << 40);
        Long id = Long.valueOf(1L << 41);
        Long place = Long.valueOf(1L << 42);
        Map<String, Object> values = full();
        values.put("big", big);
        values.put("id", id);
        values.put("place", place);
        RowCursor reply = new ListRowCursor(FIELDS.stream().map(FieldMeta::column).toList(), List.<Object[]>of(row(values)));
        reply.next();
        Numbers n = hydrate(true, reply);
        assertThat(n.big).isSameAs(big);
        assertThat(n.getId()).isEqualTo(id); // Model keeps its implicit key as a long: no box to compare
        assertThat(n.place.id()).isSameAs(place);
        assertThat(n.integer).isEqualTo(-42);
    }
}
