package io.djorm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.Apps;
import io.djorm.core.DataError;
import io.djorm.core.Model;
import io.djorm.core.internal.readers.Everything;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.Dialect;
import io.djorm.core.spi.Statement;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A multi-row INSERT's values: each converted and checked as {@link Persistence#storableDbValue} does it,
 * whether or not a column repeats the previous row's instance (whose conversion is then reused).
 */
class InsertSqlTest {
    private static final ModelMeta META = Apps.meta(Everything.class);
    private static final Dialect DIALECT = (Dialect) Proxy.newProxyInstance(Dialect.class.getClassLoader(),
            new Class<?>[] {Dialect.class}, (proxy, method, args) -> switch (method.getName()) {
                case "quote" -> "\"" + args[0] + "\"";
                case "name" -> "test";
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> throw new UnsupportedOperationException(method.getName());
            });
    private static final List<FieldMeta> FIELDS = List.of(META.field("chars"), META.field("integer"),
            META.field("real"), META.field("json"), META.field("size"));

    private static Everything row(String chars, Integer integer, Double real, Map<String, Object> json) {
        Everything e = new Everything();
        e.chars = chars;
        e.integer = integer;
        e.real = real;
        e.json = json;
        e.size = Everything.Size.LARGE;
        return e;
    }

    private static List<Object> expected(List<Everything> rows) {
        List<Object> out = new ArrayList<>();
        for (Everything e : rows) {
            for (FieldMeta f : FIELDS) out.add(Persistence.storableDbValue(META, f, f.accessor().get(e)));
        }
        return out;
    }

    @Test
    void repeatedAndChangingValuesAreConvertedAsOneByOne() {
        String shared = "same";
        Integer big = 100_000;
        Double price = 12.5;
        Map<String, Object> json = new java.util.HashMap<>(Map.of("k", "v"));
        List<Everything> rows = List.of(row(shared, big, price, json), row(shared, big, price, json),
                row(new String("same"), 7, 12.5, null), row(shared, null, null, Map.of("k", 2)), row(null, big, price, json));
        Statement st = InsertSql.build(DIALECT, META, FIELDS, new ArrayList<Model>(rows), true);
        assertThat(st.params()).containsExactlyElementsOf(expected(rows));
        assertThat(st.params().get(1)).isEqualTo(100_000L); // the integer's database value, not the Integer itself
        assertThat(st.params().get(4)).isEqualTo("LARGE");
    }

    @Test
    void aValueEqualToTheRowBeforesIsStillChecked() {
        // Equal strings are different instances: the second is converted, and refused, on its own.
        String fine = "ok";
        String tooLong = "x".repeat(21);
        List<Model> rows = List.of(row(fine, 1, 1.0, null), row(fine, 1, 1.0, null), row(tooLong, 1, 1.0, null));
        assertThatThrownBy(() -> InsertSql.build(DIALECT, META, FIELDS, rows, false))
                .isInstanceOf(DataError.class).hasMessageContaining("Everything.chars").hasMessageContaining("too long");
        for (double notFiniteValue : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            List<Model> notFinite = List.of(row(fine, 1, 2.0, null), row(fine, 1, notFiniteValue, null));
            assertThatThrownBy(() -> InsertSql.build(DIALECT, META, FIELDS, notFinite, false))
                    .isInstanceOf(DataError.class).hasMessageContaining("Everything.real");
        }
    }
}
