package io.djorm.libsql.internal.hrana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.DataError;
import io.djorm.core.spi.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table of held writes: their values in order, a size bound never below the estimate, and its cuts. */
class HeldWritesTest {
    private static final String INSERT = "INSERT INTO \"t\" (\"a\", \"b\") VALUES (?, ?)";

    private static HeldWrites held(int n) {
        HeldWrites held = new HeldWrites(1);
        for (int i = 0; i < n; i++) {
            held.add(new Statement(INSERT, Arrays.asList("row " + i, (long) i)), null, null, 0, "\"id\"", null, null);
        }
        return held;
    }

    @Test
    void theValuesOfARunComeOutInOrderAcrossGrowth() {
        HeldWrites held = held(40); // beyond the first arrays
        Object[] values = held.values(3, 6);
        assertThat(values).containsExactly("row 3", 3L, "row 4", 4L, "row 5", 5L);
        assertThat(held.values(38, 40)).containsExactly("row 38", 38L, "row 39", 39L);
    }

    @Test
    void theBoundIsTheSumOfEachWritesUpperBoundWhateverItsValuesKinds() {
        List<Statement> writes = List.of(
                new Statement(INSERT, Arrays.asList(null, 7L)),
                new Statement(INSERT, Arrays.asList("text \u00e9", 2.5)),
                new Statement(INSERT, Arrays.asList(new byte[] {1, 2, 3, 4}, 3)),
                new Statement(INSERT, Arrays.asList(true, 1.5f)),
                new Statement(INSERT, Arrays.asList("", (short) 2)));
        HeldWrites held = new HeldWrites(1);
        long expected = 0;
        for (Statement write : writes) {
            held.add(write, null, null, 0, "\"id\"", null, null);
            expected += RequestSize.atMost(write);
        }
        assertThat(held.bound()).isEqualTo(expected);
    }

    @Test
    void theBoundIsNeverBelowTheEstimateAfterCuts() {
        HeldWrites held = held(30);
        assertThat(held.bound()).isGreaterThanOrEqualTo(RequestSize.ofHeld(held));
        HeldWrites first = held.takeFirst(10);
        assertThat(first.size()).isEqualTo(10);
        assertThat(first.bound()).isGreaterThanOrEqualTo(RequestSize.ofHeld(first));
        assertThat(held.size()).isEqualTo(20);
        assertThat(held.bound()).isGreaterThanOrEqualTo(RequestSize.ofHeld(held));
        held.truncate(5);
        assertThat(held.bound()).isGreaterThanOrEqualTo(RequestSize.ofHeld(held));
    }

    @Test
    void takingTheFirstWritesMovesTheRestUpWithTheirValues() {
        HeldWrites held = held(6);
        HeldWrites first = held.takeFirst(2);
        assertThat(first.values(0, 2)).containsExactly("row 0", 0L, "row 1", 1L);
        assertThat(held.statement(0).params()).containsExactly("row 2", 2L);
        assertThat(held.values(0, 4)).containsExactly("row 2", 2L, "row 3", 3L, "row 4", 4L, "row 5", 5L);
        held.add(new Statement(INSERT, List.of("late", 9L)), null, null, 0, "\"id\"", null, null);
        assertThat(held.values(3, 5)).containsExactly("row 5", 5L, "late", 9L);
    }

    @Test
    void aClearedTableHoldsAfreshWithAZeroBound() {
        HeldWrites held = held(3);
        held.truncate(1);
        assertThat(held.values(0, 1)).containsExactly("row 0", 0L);
        held.clear();
        assertThat(held.isEmpty()).isTrue();
        assertThat(held.bound()).isZero();
        held.add(new Statement(INSERT, List.of("again", 1L)), null, null, 0, "\"id\"", null, null);
        assertThat(held.values(0, 1)).containsExactly("again", 1L);
    }

    @Test
    void aWriteHeldWhereADroppedOneWasKeepsNothingOfIt() {
        HeldWrites held = held(1);
        held.add(Statement.of("SAVEPOINT \"s\""), rows -> { }, "s", 1);
        held.truncate(1);
        assertThat(held.hasWork()).as("the keyed insert left has no callback").isFalse();
        held.add(new Statement(INSERT, List.of("after", 3L)), null, null, 0, null, null, null);
        assertThat(held.savepoint(1)).isNull();
        assertThat(held.keyColumn(1)).isNull();
        assertThat(held.hasWork()).isFalse();
        HeldWrites first = held.takeFirst(1);
        assertThat(first.keyColumn(0)).isEqualTo("\"id\"");
        held.add(Statement.of("RELEASE \"s\""), null, null, 0);
        assertThat(held.keyColumn(1)).isNull();
        assertThat(held.savepoint(1)).isNull();
    }

    @Test
    void aValueNoRequestCanCarryIsRefusedAndNothingIsHeld() {
        HeldWrites held = held(1);
        long bound = held.bound();
        assertThatThrownBy(() -> held.add(new Statement(INSERT, Arrays.asList("x", Double.NaN)), null, null, 0, "\"id\"",
                null, null)).isInstanceOf(DataError.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> held.add(new Statement(INSERT, Arrays.asList("x", new java.math.BigDecimal("1.5"))), null,
                null, 0, "\"id\"", null, null)).isInstanceOf(DataError.class).hasMessageContaining("cannot be bound");
        assertThat(held.size()).isEqualTo(1);
        assertThat(held.bound()).isEqualTo(bound);
        held.add(new Statement(INSERT, List.of("next", 2L)), null, null, 0, "\"id\"", null, null);
        assertThat(held.values(0, 2)).containsExactly("row 0", 0L, "next", 2L);
    }
}
