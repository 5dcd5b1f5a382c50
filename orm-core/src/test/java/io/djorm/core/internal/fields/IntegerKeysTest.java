package io.djorm.core.internal.fields;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.meta.FieldMeta;
import io.djorm.core.spi.RowCursor;
import org.junit.jupiter.api.Test;

/** Which field kinds read an integer column as the stored number, so that keys may be compared as longs. */
class IntegerKeysTest {
    /** An integer kind that reads its column its own way: its values are not the stored numbers. */
    static final class Shifted extends IntegerType {
        @Override
        public Object read(RowCursor row, int column, FieldMeta field) {
            return (int) row.getLong(column) + 1;
        }
    }

    /** A kind below one that reads its own way inherits that reading. */
    static final class BelowShifted extends AutoType {
        @Override
        public Object read(RowCursor row, int column, FieldMeta field) {
            return row.getLong(column) * 2;
        }
    }

    @Test
    void theIntegerKindsReadThePlainNumber() {
        assertThat(IntegerKeys.readsPlainLong(new AutoType())).isTrue();
        assertThat(IntegerKeys.readsPlainLong(new BigAutoType())).isTrue();
        assertThat(IntegerKeys.readsPlainLong(new IntegerType())).isTrue();
        assertThat(IntegerKeys.readsPlainLong(new BigIntegerType())).isTrue();
        assertThat(IntegerKeys.readsPlainLong(new SmallIntegerType())).isTrue();
        assertThat(IntegerKeys.readsPlainLong(new PositiveIntegerType())).isTrue();
    }

    @Test
    void aKindThatReadsItsOwnWayOrIsNoIntegerDoesNot() {
        assertThat(IntegerKeys.readsPlainLong(new Shifted())).isFalse();
        assertThat(IntegerKeys.readsPlainLong(new BelowShifted())).isFalse();
        assertThat(IntegerKeys.readsPlainLong(new CharType())).isFalse();
        assertThat(IntegerKeys.readsPlainLong(new UuidType())).isFalse();
        assertThat(IntegerKeys.readsPlainLong(null)).isFalse();
    }
}
