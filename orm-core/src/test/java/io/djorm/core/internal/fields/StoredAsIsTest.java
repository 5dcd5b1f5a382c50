package io.djorm.core.internal.fields;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.Apps;
import io.djorm.core.internal.readers.Everything;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A value taken as its own database value is exactly what the field kind's conversion gives back, and never one it refuses. */
class StoredAsIsTest {
    private static final ModelMeta EVERYTHING = Apps.meta(Everything.class);
    private static final List<Object> VALUES = List.of(12.5, -0.0, 3.0, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, 1.5f, 7L, Long.MIN_VALUE, 7, (short) 7, "7", new BigDecimal("7"), true);

    @Test
    void takesOnlyWhatTheKindReturnsUnchangedAndStores() {
        for (FieldMeta f : EVERYTHING.fields()) {
            if (!f.hasColumn()) continue;
            StoredAsIs asIs = StoredAsIs.of(f);
            for (Object v : VALUES) {
                if (!asIs.takes(v)) continue;
                assertThat(f.type().coerce(v, f)).as(f.name() + " " + v).isSameAs(v);
                assertThat(f.type().toDb(v, f)).as(f.name() + " " + v).isSameAs(v);
                assertThat(f.type().storageProblem(v, f)).as(f.name() + " " + v).isNull();
            }
        }
    }

    @Test
    void takesTheLoadedPriceAndKeyButNotWhatNeedsConverting() {
        StoredAsIs real = StoredAsIs.of(EVERYTHING.field("real"));
        assertThat(real.takes(12.5)).isTrue();
        assertThat(real.takes(Double.NaN)).isFalse();
        assertThat(real.takes(Double.NEGATIVE_INFINITY)).isFalse();
        assertThat(real.takes(1.5f)).isFalse();
        StoredAsIs key = StoredAsIs.of(EVERYTHING.pk());
        assertThat(key.takes(7L)).isTrue();
        assertThat(key.takes(7)).isFalse();
        assertThat(StoredAsIs.of(EVERYTHING.field("big")).takes(7L)).isTrue();
        assertThat(StoredAsIs.of(EVERYTHING.field("integer")).takes(7)).isFalse();
        assertThat(StoredAsIs.of(EVERYTHING.field("chars")).takes("7")).isFalse();
    }
}
