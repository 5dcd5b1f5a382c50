package io.djorm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.Apps;
import io.djorm.core.DataError;
import io.djorm.core.Meta;
import io.djorm.core.Model;
import io.djorm.core.fields.CharField;
import io.djorm.core.fields.IntegerField;
import io.djorm.core.internal.readers.Everything;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.Dialect;
import io.djorm.core.spi.Statement;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * bulkUpdate's CASE statements: their values in placeholder order, and marked as checked (not scanned again
 * on their way) only when every key is an integer; a text key, converted without a check, is scanned.
 */
class BulkUpdateCaseStatementsTest {
    /** A model whose primary key is text. */
    @Meta(appLabel = "bulkupdatecase", dbTable = "buc_label")
    public static class Label extends Model {
        @CharField(maxLength = 10, primaryKey = true)
        public String code;
        @IntegerField(nullable = true)
        public Integer rank;
    }

    /** Only quoting and the parameter limit are asked of the dialect. */
    private static final Dialect DIALECT = (Dialect) Proxy.newProxyInstance(Dialect.class.getClassLoader(),
            new Class<?>[] {Dialect.class}, (proxy, method, args) -> switch (method.getName()) {
                case "quote" -> "\"" + args[0] + "\"";
                case "maxParameters" -> 999;
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private static List<Statement> statements(ModelMeta meta, List<Model> objs, String... names) {
        List<FieldMeta> fields = new java.util.ArrayList<>();
        for (String name : names) fields.add(meta.field(name));
        return BulkUpdate.caseStatements(DIALECT, meta, objs, new BulkUpdate.RowValues(meta, fields), fields,
                Integer.MAX_VALUE);
    }

    private static Everything everything(long pk, int integer) {
        Everything e = new Everything();
        e.setPk(pk);
        e.integer = integer;
        return e;
    }

    @Test
    void aStatementOverIntegerKeysIsMarkedChecked() {
        List<Statement> st = statements(Apps.meta(Everything.class), List.of(everything(1, 5), everything(2, 6)), "integer");
        assertThat(st).hasSize(1);
        assertThat(st.get(0).params()).containsExactly(1L, 5L, 2L, 6L, 1L, 2L);
        assertThat(CheckedStatements.isChecked(st.get(0))).isTrue();
    }

    @Test
    void eachFieldsPairsComeInTurnThenTheKeys() {
        Everything first = everything(1, 5);
        first.real = 1.5;
        Everything second = everything(2, 6);
        second.real = 2.5;
        List<Statement> st = statements(Apps.meta(Everything.class), List.of(first, second), "integer", "real");
        assertThat(st.get(0).params()).containsExactly(1L, 5L, 2L, 6L, 1L, 1.5, 2L, 2.5, 1L, 2L);
    }

    @Test
    void aStatementOverTextKeysIsStillScannedOnItsWay() {
        Label label = new Label();
        label.code = "a\uD800"; // a lone surrogate: dbValue lets it through, the scan refuses it
        label.rank = 1;
        List<Statement> st = statements(Apps.meta(Label.class), List.of(label), "rank");
        assertThat(CheckedStatements.isChecked(st.get(0))).isFalse();
        assertThatThrownBy(() -> BoundValues.check(st.get(0))).isInstanceOf(DataError.class)
                .hasMessageContaining("Parameter 1").hasMessageContaining("surrogate");
    }
}
