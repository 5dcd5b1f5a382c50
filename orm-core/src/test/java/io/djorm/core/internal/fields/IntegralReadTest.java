package io.djorm.core.internal.fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.Apps;
import io.djorm.core.ValidationError;
import io.djorm.core.internal.readers.Everything;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.ListRowCursor;
import io.djorm.core.spi.RowCursor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Integer columns read from a cursor that holds boxed values: a Long field keeps the box, narrower ones convert as before. */
class IntegralReadTest {
    private static final ModelMeta EVERYTHING = Apps.meta(Everything.class);

    private static RowCursor row(Object value) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {value});
        RowCursor c = new ListRowCursor(List.of("v"), rows);
        c.next();
        return c;
    }

    private static Object read(String field, Object stored) {
        FieldMeta f = EVERYTHING.field(field);
        return f.type().read(row(stored), 0, f);
    }

    @Test
    void aLongFieldTakesTheHeldBoxItself() {
        Long key = 1L << 40;
        assertThat(read("id", key)).isSameAs(key);
        assertThat(read("big", key)).isSameAs(key);
        assertThat(read("id", null)).isNull();
    }

    @Test
    void otherStoredFormsAndNarrowerFieldsConvertAsBefore() {
        assertThat(read("big", 7.0)).isEqualTo(7L);
        assertThat(read("big", "12")).isEqualTo(12L);
        assertThat(read("integer", 5L)).isEqualTo(5);
        assertThat(read("small", 12L)).isEqualTo((short) 12);
        assertThat(read("integer", null)).isNull();
        assertThatThrownBy(() -> read("integer", 1L << 40)).isInstanceOf(ValidationError.class);
    }
}
