package io.djorm.core.internal.fields;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.Apps;
import io.djorm.core.Meta;
import io.djorm.core.Model;
import io.djorm.core.fields.AutoField;
import io.djorm.core.fields.BigAutoField;
import io.djorm.core.fields.BigIntegerField;
import io.djorm.core.fields.FieldKind;
import io.djorm.core.fields.FloatField;
import io.djorm.core.fields.IntegerField;
import io.djorm.core.internal.readers.Everything;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.FieldType;
import io.djorm.core.meta.ModelMeta;
import java.io.File;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A value taken as its own database value is exactly what the field kind's conversion gives back, and never one
 * it refuses: each kind answers for itself ({@link FieldType#storesAsIs}), and every built-in kind's answer is
 * checked against its conversion.
 */
class StoredAsIsTest {
    private static final ModelMeta EVERYTHING = Apps.meta(Everything.class);
    private static final List<Object> VALUES = List.of(12.5, -0.0, 3.0, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, 1.5f, Float.NaN, 7L, 0L, Long.MIN_VALUE, Long.MAX_VALUE, 7, (short) 7, (byte) 7,
            "7", "", new BigDecimal("7"), BigInteger.TEN, true, LocalDate.of(2024, 2, 29),
            LocalDateTime.of(2024, 2, 29, 12, 0), LocalTime.NOON, Duration.ofSeconds(90), UUID.randomUUID(),
            new byte[] {1, 2}, Map.of("a", 1), List.of(1));

    /** Fields of the 64-bit and float kinds declared every way the ones in {@link Everything} are not. */
    @Meta(appLabel = "storedasis", dbTable = "sai_wide")
    public static class Wide extends Model {
        @BigAutoField(primaryKey = true)
        public Long id;
        @FloatField(defaultValue = "0")
        public float single;
        @FloatField(nullable = true)
        public Float boxedSingle;
        @FloatField(defaultValue = "0")
        public double plainDouble;
        @BigIntegerField(defaultValue = "0")
        public long count;
        @IntegerField(nullable = true)
        public Long wideInteger;
    }

    /** An auto key declared as a primitive long. */
    @Meta(appLabel = "storedasis", dbTable = "sai_keyed")
    public static class Keyed extends Model {
        @AutoField(primaryKey = true)
        public long key;
    }

    private static final List<ModelMeta> MODELS = List.of(EVERYTHING, Apps.meta(Wide.class), Apps.meta(Keyed.class));

    @Test
    void takesOnlyWhatTheKindReturnsUnchangedAndStores() {
        for (ModelMeta meta : MODELS) {
            for (FieldMeta f : meta.fields()) {
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
        ModelMeta wide = Apps.meta(Wide.class);
        assertThat(StoredAsIs.of(wide.field("plainDouble")).takes(12.5)).isTrue();
        assertThat(StoredAsIs.of(wide.field("count")).takes(7L)).isTrue();
        assertThat(StoredAsIs.of(wide.pk()).takes(7L)).isTrue();
        assertThat(StoredAsIs.of(Apps.meta(Keyed.class).pk()).takes(7L)).isTrue();
        assertThat(StoredAsIs.of(wide.field("boxedSingle")).takes(1.5f)).isFalse(); // toDb widens it to a Double
    }

    @Test
    void eachKindAnswersForItsOwnConversion() {
        ModelMeta wide = Apps.meta(Wide.class);
        assertAnswer(EVERYTHING.field("real"), Double.class, true);
        assertAnswer(EVERYTHING.field("real"), Float.class, false);
        assertAnswer(wide.field("single"), Double.class, false); // coerce narrows it to a float
        assertAnswer(wide.field("boxedSingle"), Float.class, false); // toDb widens it to a double
        assertAnswer(EVERYTHING.pk(), Long.class, true);
        assertAnswer(EVERYTHING.pk(), Integer.class, false);
        assertAnswer(wide.pk(), Long.class, true);
        assertAnswer(wide.field("count"), Long.class, true);
        assertAnswer(EVERYTHING.field("big"), Long.class, true);
        assertAnswer(EVERYTHING.field("integer"), Integer.class, false); // toDb widens it to a long
        assertAnswer(wide.field("wideInteger"), Long.class, false); // not one of the kinds that say so
        assertAnswer(EVERYTHING.field("money"), BigDecimal.class, false); // rounded to its places
        assertAnswer(EVERYTHING.field("chars"), String.class, false); // refused when too long
        assertAnswer(EVERYTHING.field("day"), LocalDate.class, false); // stored as text
    }

    @Test
    void everyBuiltInKindThatStoresAValueAsItIsGivesBackThatVeryInstance() {
        Set<Class<?>> kindsSeen = new HashSet<>();
        Set<String> answeredTrue = new HashSet<>();
        for (ModelMeta meta : MODELS) {
            for (FieldMeta f : meta.fields()) {
                FieldType kind = f.type();
                kindsSeen.add(kind.getClass());
                for (Object v : VALUES) {
                    if (!kind.storesAsIs(v.getClass(), f)) continue;
                    answeredTrue.add(kind.getClass().getSimpleName() + " " + v.getClass().getSimpleName());
                    String what = meta.label() + "." + f.name() + " " + v;
                    assertThat(kind.coerce(v, f)).as(what).isSameAs(v);
                    assertThat(kind.toDb(v, f)).as(what).isSameAs(v);
                    if (!nonFinite(v)) assertThat(kind.storageProblem(v, f)).as(what).isNull();
                }
            }
        }
        assertThat(kindsSeen).containsAll(builtInKinds());
        assertThat(answeredTrue).containsExactlyInAnyOrder("FloatType Double", "AutoType Long", "BigAutoType Long",
                "BigIntegerType Long");
    }

    private static void assertAnswer(FieldMeta f, Class<?> valueClass, boolean expected) {
        assertThat(f.type().storesAsIs(valueClass, f)).as(f.name() + " " + valueClass.getSimpleName()).isEqualTo(expected);
    }

    private static boolean nonFinite(Object v) {
        return v instanceof Double d && !Double.isFinite(d) || v instanceof Float x && !Float.isFinite(x);
    }

    /** The kinds the field annotations of {@code io.djorm.core.fields} name. */
    private static Set<Class<?>> builtInKinds() {
        try {
            File dir = new File(Objects.requireNonNull(FieldKind.class.getResource(".")).toURI());
            List<Class<?>> kinds = new ArrayList<>();
            for (String name : Objects.requireNonNull(dir.list())) {
                if (!name.endsWith(".class") || name.contains("$")) continue;
                Class<?> c = Class.forName(FieldKind.class.getPackageName() + "." + name.replace(".class", ""));
                FieldKind kind = c.getAnnotation(FieldKind.class);
                if (kind != null) kinds.add(kind.value());
            }
            assertThat(kinds).hasSizeGreaterThan(20);
            return new HashSet<>(kinds);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
