package io.djorm.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.DatabaseError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@link Connection#enqueueKeyedInsert}'s default, which every backend without a faster path uses: it
 * goes through the backend's own {@link Connection#enqueueInsert} (so a transport that holds inserts
 * back still does) and hands over the key of its result.
 */
class KeyedInsertTest {
    /** A connection that records keyed inserts and answers them when told to, as a holding transport does. */
    private static final class Holding implements Connection {
        final List<Statement> inserts = new ArrayList<>();
        final List<String> keyColumns = new ArrayList<>();
        final List<Consumer<Rows>> waiting = new ArrayList<>();

        @Override
        public void enqueueInsert(Statement insert, String keyColumn, Consumer<Rows> onKey) {
            inserts.add(insert);
            keyColumns.add(keyColumn);
            waiting.add(onKey);
        }

        void answer(Rows result) {
            waiting.remove(0).accept(result);
        }

        @Override
        public RowCursor query(Statement statement) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long update(Statement statement) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Rows> executeAll(List<Statement> statements) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void begin() {
        }

        @Override
        public void commit() {
        }

        @Override
        public void rollback() {
        }

        @Override
        public void savepoint(String name) {
        }

        @Override
        public void releaseSavepoint(String name) {
        }

        @Override
        public void rollbackToSavepoint(String name) {
        }

        @Override
        public boolean inTransaction() {
            return false;
        }

        @Override
        public void close() {
        }
    }

    private static final Statement INSERT = new Statement("INSERT INTO t (a) VALUES (?)", List.of("x"));

    @Test
    void theDefaultGoesThroughEnqueueInsertAndHandsOverTheKeyWhenItArrives() {
        Holding conn = new Holding();
        List<Long> keys = new ArrayList<>();
        conn.enqueueKeyedInsert(INSERT, "\"id\"", keys::add);
        assertThat(conn.inserts).containsExactly(INSERT);
        assertThat(conn.keyColumns).containsExactly("\"id\"");
        assertThat(keys).as("held back: no key yet").isEmpty();
        conn.answer(new Rows(List.of("id"), List.<Object[]>of(new Object[] {42L}), 1));
        assertThat(keys).containsExactly(42L);
    }

    @Test
    void theTargetAndSetterDefaultHoldsTheSameWayAndHandsTheTargetItsKey() {
        Holding conn = new Holding();
        List<String> set = new ArrayList<>();
        java.util.function.ObjLongConsumer<String> setter = (target, key) -> set.add(target + "=" + key);
        conn.enqueueKeyedInsert(INSERT, "\"id\"", "first", setter);
        conn.enqueueKeyedInsert(INSERT, "\"id\"", "second", setter);
        assertThat(conn.inserts).containsExactly(INSERT, INSERT);
        assertThat(set).as("held back: no key yet").isEmpty();
        conn.answer(new Rows(List.of("id"), List.<Object[]>of(new Object[] {7L}), 1));
        conn.answer(new Rows(List.of("id"), List.<Object[]>of(new Object[] {8L}), 1));
        assertThat(set).containsExactly("first=7", "second=8");
        conn.enqueueKeyedInsert(INSERT, "\"id\"", "third", setter);
        assertThatThrownBy(() -> conn.answer(Rows.changed(1))).isInstanceOf(DatabaseError.class)
                .hasMessageContaining("no primary key");
    }

    @Test
    void aResultWithoutAKeyRaisesNamingTheStatement() {
        Holding conn = new Holding();
        conn.enqueueKeyedInsert(INSERT, "\"id\"", key -> { });
        assertThatThrownBy(() -> conn.answer(Rows.changed(1))).isInstanceOf(DatabaseError.class)
                .hasMessageContaining("no primary key").hasMessageContaining("INSERT INTO t");
        conn.enqueueKeyedInsert(INSERT, "\"id\"", key -> { });
        assertThatThrownBy(() -> conn.answer(new Rows(List.of("id"), List.<Object[]>of(new Object[] {null}), 1)))
                .isInstanceOf(DatabaseError.class);
    }
}
