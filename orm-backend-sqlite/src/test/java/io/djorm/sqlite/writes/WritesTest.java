package io.djorm.sqlite.writes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.Apps;
import io.djorm.core.DataError;
import io.djorm.core.Djorm;
import io.djorm.core.IntegrityError;
import io.djorm.core.QueryCapture;
import io.djorm.core.Transaction;
import io.djorm.core.internal.DatabaseHandle;
import io.djorm.core.spi.Statement;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write paths of SQLite that skip work per row: bulkUpdate as one JDBC batch of a prepared UPDATE,
 * and save() of a new object from a plan worked out once per model. Each must keep refusing bad values
 * before any SQL runs, leave nothing of a failed unit behind, and write what the slower paths wrote.
 */
class WritesTest {
    @TempDir
    Path dir;

    @BeforeEach
    void configure() {
        Djorm.configure(Map.of("DATABASES", Map.of("default", Map.of("ENGINE", "sqlite", "NAME",
                dir.resolve("w.db").toString()))));
        Djorm.connection().createTables(Card.class, Stamped.class, Bare.class);
    }

    @AfterEach
    void shutdown() {
        if (Djorm.isConfigured()) Djorm.shutdown();
    }

    private static List<Card> cards(int n) {
        for (int i = 0; i < n; i++) {
            Card c = new Card();
            c.name = "c" + i;
            c.rank = i;
            c.save();
        }
        return new ArrayList<>(Card.objects().orderBy("pk").list());
    }

    private static List<String> names() {
        return Card.objects().orderBy("pk").valuesListFlat("name", String.class).list();
    }

    private static String updateNameSql() {
        return "UPDATE \"" + Apps.meta(Card.class).dbTable() + "\" SET \"name\" = ? WHERE \"id\" = ?";
    }

    @Test
    void bulkUpdateWritesTheFirstObjectOfARepeatedKey() {
        List<Card> loaded = cards(3);
        Card twin = Card.objects().get("pk", loaded.get(1).pk());
        loaded.get(0).rank = 10;
        loaded.get(1).rank = 100;
        loaded.get(2).rank = 30;
        twin.rank = 200;
        long matched = Card.objects().bulkUpdate(List.of(loaded.get(0), loaded.get(1), twin, loaded.get(2)), "rank");
        assertThat(matched).isEqualTo(3);
        assertThat(Card.objects().orderBy("pk").valuesListFlat("rank", Integer.class).list()).containsExactly(10, 100, 30);
    }

    @Test
    void bulkUpdateRefusesALoneSurrogateBeforeAnySqlRuns() {
        List<Card> objs = cards(3);
        objs.get(0).name = "fine";
        objs.get(2).name = "bad\uD800";
        try (QueryCapture capture = QueryCapture.start()) {
            assertThatThrownBy(() -> Card.objects().bulkUpdate(objs, "name")).isInstanceOf(DataError.class)
                    .hasMessageContaining("Card.name").hasMessageContaining("lone surrogate");
            assertThat(capture.queries()).isEmpty();
        }
        assertThat(names()).containsExactly("c0", "c1", "c2");
    }

    @Test
    void aBatchFailingAtItsSecondRowLeavesNothingOfItsFirst() {
        List<Card> cards = cards(3);
        DatabaseHandle handle = Djorm.handle("default");
        // The second row takes the third card's unique name.
        List<List<Object>> rows = List.of(Arrays.asList("x", cards.get(0).pk()), Arrays.asList("c2", cards.get(1).pk()));
        assertThatThrownBy(() -> handle.call(c -> c.executeBatch(updateNameSql(), rows))).isInstanceOf(IntegrityError.class);
        assertThat(names()).containsExactly("c0", "c1", "c2");
        assertThatThrownBy(() -> Transaction.atomic(() -> {
            handle.call(c -> c.executeBatch(updateNameSql(), rows));
        })).isInstanceOf(IntegrityError.class);
        assertThat(names()).containsExactly("c0", "c1", "c2");
    }

    @Test
    void aRefusedRowLeavesNoEarlierRowQueuedForTheNextBatch() {
        List<Card> cards = cards(3);
        DatabaseHandle handle = Djorm.handle("default");
        List<List<Object>> refused = List.of(Arrays.asList("y", cards.get(0).pk()), Arrays.asList("z"));
        assertThatThrownBy(() -> handle.call(c -> c.executeBatch(updateNameSql(), refused)))
                .isInstanceOf(DataError.class).hasMessageContaining("2 parameter placeholder(s) but 1 value(s)");
        long[] changed = handle.call(c -> c.executeBatch(updateNameSql(), List.of(Arrays.asList("w", cards.get(2).pk()))));
        assertThat(changed).containsExactly(1L);
        assertThat(names()).containsExactly("c0", "c1", "w");
        long[] both = handle.call(c -> c.executeBatch(updateNameSql(),
                List.of(Arrays.asList("v", cards.get(0).pk()), Arrays.asList("u", 999_999L))));
        assertThat(both).containsExactly(1L, 0L);
        assertThat(names()).containsExactly("v", "c1", "w");
    }

    private static String insertNameSql() {
        return "INSERT INTO \"" + Apps.meta(Card.class).dbTable() + "\" (\"name\", \"rank\") VALUES (?, ?)";
    }

    @Test
    void theTargetAndSetterFormHandsEachTargetItsKeyAndIsCapturedLikeASave() {
        DatabaseHandle handle = Djorm.handle("default");
        Map<String, Long> keys = new java.util.LinkedHashMap<>();
        java.util.function.ObjLongConsumer<String> setter = keys::put;
        handle.call(c -> {
            c.enqueueKeyedInsert(new Statement(insertNameSql(), List.of("a", 1L)), "\"id\"", "a", setter);
            c.begin();
            c.enqueueKeyedInsert(new Statement(insertNameSql(), List.of("b", 2L)), "\"id\"", "b", setter);
            c.commit();
            return null;
        });
        assertThat(keys).containsExactly(Map.entry("a", 1L), Map.entry("b", 2L));
        try (QueryCapture capture = QueryCapture.start()) {
            Card saved = Transaction.atomic(() -> {
                Card card = new Card();
                card.name = "captured";
                card.rank = 3;
                card.save();
                return card;
            });
            assertThat(capture.queries()).filteredOn(q -> q.sql().startsWith("INSERT")).singleElement()
                    .satisfies(q -> assertThat(q.params()).containsExactly("captured", 3L));
            assertThat(saved.getId()).isEqualTo(3L);
        }
    }

    @Test
    void aKeyedInsertHandsOverTheNewKeyInAndOutsideATransactionAndIsCaptured() {
        DatabaseHandle handle = Djorm.handle("default");
        List<Long> keys = new ArrayList<>();
        try (QueryCapture capture = QueryCapture.start()) {
            handle.call(c -> {
                c.enqueueKeyedInsert(new Statement(insertNameSql(), List.of("a", 1L)), "\"id\"", keys::add);
                c.begin();
                c.enqueueKeyedInsert(new Statement(insertNameSql(), List.of("b", 2L)), "\"id\"", keys::add);
                c.commit();
                return null;
            });
            assertThat(capture.queries()).filteredOn(q -> q.sql().startsWith("INSERT")).hasSize(2);
        }
        assertThat(keys).containsExactly(1L, 2L);
        assertThat(names()).containsExactly("a", "b");
        // the same cached statement serves the Rows form and the key form alike
        List<Object> viaRows = new ArrayList<>();
        handle.call(c -> {
            c.enqueueInsert(new Statement(insertNameSql(), List.of("c", 3L)), "\"id\"", r -> viaRows.add(r.rows().get(0)[0]));
            return null;
        });
        assertThat(viaRows).containsExactly(3L);
    }

    @Test
    void aKeyedInsertRefusesBadValuesBeforeSqlAndFailsAsAStatement() {
        DatabaseHandle handle = Djorm.handle("default");
        List<Long> keys = new ArrayList<>();
        assertThatThrownBy(() -> handle.call(c -> {
            c.enqueueKeyedInsert(new Statement(insertNameSql(), List.of("bad\uD800", 1L)), "\"id\"", keys::add);
            return null;
        })).isInstanceOf(DataError.class).hasMessageContaining("lone surrogate");
        assertThatThrownBy(() -> handle.call(c -> {
            c.enqueueKeyedInsert(new Statement(insertNameSql(), List.of("one value")), "\"id\"", keys::add);
            return null;
        })).isInstanceOf(DataError.class).hasMessageContaining("2 parameter placeholder(s) but 1 value(s)");
        Card c = new Card();
        c.name = "taken";
        c.rank = 1;
        c.save();
        String insertWithKey = "INSERT INTO \"" + Apps.meta(Card.class).dbTable() + "\" (\"id\", \"name\", \"rank\") VALUES (?, ?, ?)";
        assertThatThrownBy(() -> handle.call(conn -> {
            conn.enqueueKeyedInsert(new Statement(insertWithKey, List.of(c.pk(), "again", 2L)), "\"id\"", keys::add);
            return null;
        })).isInstanceOf(IntegrityError.class);
        assertThat(keys).isEmpty();
        // the statement that failed was dropped; the next insert prepares it afresh
        handle.call(conn -> {
            conn.enqueueKeyedInsert(new Statement(insertWithKey, List.of(c.pk() instanceof Long k ? k + 10 : 0L, "new", 2L)),
                    "\"id\"", keys::add);
            return null;
        });
        assertThat(keys).containsExactly(((Long) c.pk()) + 10);
    }

    @Test
    void saveStampsAutoNowOnEverySaveAndAutoNowAddOnlyOnInsert() throws InterruptedException {
        Stamped s = new Stamped();
        s.name = "a";
        s.save();
        LocalDateTime created = s.created;
        LocalDateTime modified = s.modified;
        assertThat(created).isNotNull();
        assertThat(modified).isNotNull();
        Thread.sleep(5);
        s.name = "b";
        s.save();
        assertThat(s.created).isEqualTo(created);
        assertThat(s.modified).isAfter(modified);
        Stamped back = Stamped.objects().get("pk", s.pk());
        assertThat(back.name).isEqualTo("b");
        assertThat(back.created).isEqualTo(created);
        assertThat(back.modified).isEqualTo(s.modified);
    }

    @Test
    void saveInsertsAGivenKeyAndAModelWithoutColumns() {
        Card given = new Card();
        given.setPk(42L);
        given.name = "given";
        given.rank = 1;
        given.save();
        assertThat(Card.objects().get("pk", 42L).name).isEqualTo("given");
        Card next = new Card();
        next.name = "next";
        next.rank = 2;
        next.save();
        assertThat(next.pk()).isEqualTo(43L);
        Bare first = new Bare();
        first.save();
        Bare second = new Bare();
        second.save();
        assertThat(first.pk()).isNotNull();
        assertThat(second.pk()).isNotEqualTo(first.pk());
        assertThat(Bare.objects().count()).isEqualTo(2);
    }

    @Test
    void saveRefusesABadValueBeforeAnySqlRuns() {
        Card c = new Card();
        c.name = "\uDC00alone";
        try (QueryCapture capture = QueryCapture.start()) {
            assertThatThrownBy(c::save).isInstanceOf(DataError.class).hasMessageContaining("lone surrogate");
            assertThat(capture.queries()).isEmpty();
        }
        assertThat(c.pk()).isNull();
        assertThat(Card.objects().count()).isZero();
    }
}
