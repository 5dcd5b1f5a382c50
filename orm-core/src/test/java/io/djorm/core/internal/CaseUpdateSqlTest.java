package io.djorm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.Apps;
import io.djorm.core.internal.readers.Everything;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.Dialect;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** bulkUpdate's CASE statement: its text for a shape, and the same text reused for a shape seen before (or just before). */
class CaseUpdateSqlTest {
    private static final ModelMeta EVERYTHING = Apps.meta(Everything.class);
    /** Only quoting is asked of the dialect. */
    private static final Dialect QUOTING = (Dialect) Proxy.newProxyInstance(Dialect.class.getClassLoader(),
            new Class<?>[] {Dialect.class}, (proxy, method, args) -> {
                switch (method.getName()) {
                    case "quote": return "\"" + args[0] + "\"";
                    case "hashCode": return System.identityHashCode(proxy); // kept shapes name it by identity
                    case "equals": return proxy == args[0];
                    default: break;
                }
                throw new UnsupportedOperationException(method.getName());
            });

    @Test
    void eachFieldGetsAPairPerRowThenTheKeysAreListed() {
        FieldMeta chars = EVERYTHING.field("chars");
        FieldMeta integer = EVERYTHING.field("integer");
        String table = "\"" + EVERYTHING.dbTable() + "\"";
        String pk = "\"" + EVERYTHING.pk().column() + "\"";
        String c = "\"" + chars.column() + "\"";
        String i = "\"" + integer.column() + "\"";
        assertThat(CaseUpdateSql.of(QUOTING, EVERYTHING, List.of(chars, integer), 3)).isEqualTo("UPDATE " + table
                + " SET " + c + " = CASE " + pk + " WHEN ? THEN ? WHEN ? THEN ? WHEN ? THEN ? ELSE " + c + " END, "
                + i + " = CASE " + pk + " WHEN ? THEN ? WHEN ? THEN ? WHEN ? THEN ? ELSE " + i + " END"
                + " WHERE " + pk + " IN (?, ?, ?)");
        assertThat(CaseUpdateSql.of(QUOTING, EVERYTHING, List.of(chars), 1)).isEqualTo("UPDATE " + table
                + " SET " + c + " = CASE " + pk + " WHEN ? THEN ? ELSE " + c + " END WHERE " + pk + " IN (?)");
    }

    @Test
    void aShapeSeenBeforeReusesItsTextAndAnotherShapeDoesNot() {
        List<FieldMeta> fields = new ArrayList<>(List.of(EVERYTHING.field("real")));
        String first = CaseUpdateSql.of(QUOTING, EVERYTHING, fields, 500);
        fields.add(EVERYTHING.field("flag")); // the caller's list changing afterwards does not change the kept shape
        assertThat(CaseUpdateSql.of(QUOTING, EVERYTHING, List.of(EVERYTHING.field("real")), 500)).isSameAs(first);
        assertThat(CaseUpdateSql.of(QUOTING, EVERYTHING, List.of(EVERYTHING.field("real")), 499)).isNotEqualTo(first);
        assertThat(CaseUpdateSql.of(QUOTING, EVERYTHING, fields, 500)).isNotEqualTo(first)
                .contains("\"" + EVERYTHING.field("flag").column() + "\" = CASE");
    }

    @Test
    void theTextGivenLastIsNotGivenForTheCallersListChangedInPlace() {
        List<FieldMeta> fields = new ArrayList<>(List.of(EVERYTHING.field("real")));
        String real = CaseUpdateSql.of(QUOTING, EVERYTHING, fields, 7);
        assertThat(CaseUpdateSql.of(QUOTING, EVERYTHING, fields, 7)).isSameAs(real); // a repeat: the same text
        fields.set(0, EVERYTHING.field("flag"));
        assertThat(CaseUpdateSql.of(QUOTING, EVERYTHING, fields, 7)).isNotEqualTo(real)
                .startsWith("UPDATE \"" + EVERYTHING.dbTable() + "\" SET \"" + EVERYTHING.field("flag").column() + "\" = CASE");
        assertThat(CaseUpdateSql.of(QUOTING, EVERYTHING, List.of(EVERYTHING.field("real")), 7)).isSameAs(real);
    }

    @Test
    void theFieldsOrderAndTheDialectArePartOfTheShape() {
        FieldMeta chars = EVERYTHING.field("chars");
        FieldMeta integer = EVERYTHING.field("integer");
        String charsFirst = CaseUpdateSql.of(QUOTING, EVERYTHING, List.of(chars, integer), 2);
        String integerFirst = CaseUpdateSql.of(QUOTING, EVERYTHING, List.of(integer, chars), 2);
        assertThat(integerFirst).isNotEqualTo(charsFirst)
                .startsWith("UPDATE \"" + EVERYTHING.dbTable() + "\" SET \"" + integer.column() + "\" = CASE");
        Dialect bracketing = (Dialect) Proxy.newProxyInstance(Dialect.class.getClassLoader(),
                new Class<?>[] {Dialect.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "quote" -> "[" + args[0] + "]";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        assertThat(CaseUpdateSql.of(bracketing, EVERYTHING, List.of(chars, integer), 2))
                .isEqualTo(charsFirst.replace('"', '[').replaceAll("\\[(\\w+)\\[", "[$1]"));
    }
}
