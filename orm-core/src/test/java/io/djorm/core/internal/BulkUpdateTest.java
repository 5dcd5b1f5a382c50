package io.djorm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BulkUpdateTest {
    private static Object[] row(Object value, Object key) {
        return new Object[] {value, key};
    }

    @Test
    void rowsWithoutARepeatedKeyAreKeptAsTheyAre() {
        List<Object[]> rows = List.of(row("a", 3L), row("b", 1L), row("c", 2L));
        assertThat(BulkUpdate.firstPerKey(rows)).isSameAs(rows);
    }

    @Test
    void theFirstRowOfARepeatedKeyIsKeptInOrder() {
        List<Object[]> rows = List.of(row("a", 3L), row("b", 1L), row("c", 3L), row("d", 2L), row("e", 1L));
        assertThat(BulkUpdate.firstPerKey(rows)).extracting(r -> r[0]).containsExactly("a", "b", "d");
    }

    @Test
    void keysOtherThanIntegersAreComparedByEquality() {
        List<Object[]> rows = List.of(row("a", "k1"), row("b", "k2"), row("c", "k1"));
        assertThat(BulkUpdate.firstPerKey(rows)).extracting(r -> r[0]).containsExactly("a", "b");
        List<Object[]> distinct = List.of(row("a", "k1"), row("b", "k2"));
        assertThat(BulkUpdate.firstPerKey(distinct)).extracting(r -> r[0]).containsExactly("a", "b");
    }
}
