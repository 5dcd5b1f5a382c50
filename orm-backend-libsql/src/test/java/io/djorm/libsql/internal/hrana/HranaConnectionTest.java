package io.djorm.libsql.internal.hrana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.IntegrityError;
import io.djorm.core.ProgrammingError;
import io.djorm.core.spi.RowCursor;
import io.djorm.core.spi.Rows;
import io.djorm.core.spi.Statement;
import io.djorm.libsql.RoundTripCounter;
import io.djorm.testkit.TursoServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HranaConnection against the real tursodb server: values, counts, batches, transactions, round trips. */
class HranaConnectionTest {
    private static TursoServer server;
    private static HranaClient client;
    private static final RoundTripCounter trips = new RoundTripCounter();
    private static final List<String> sentSql = java.util.Collections.synchronizedList(new ArrayList<>());
    private HranaConnection conn;

    @BeforeAll
    static void startServer() {
        server = TursoServer.start();
        client = new HranaClient(new HranaEndpoint(HttpUrl.get(server.url()), null, Duration.ofSeconds(10),
                Duration.ofSeconds(5), List.of(trips, HranaConnectionTest::recordSql), "default"));
    }

    /** Notes the SQL of every step a request carries. */
    private static okhttp3.Response recordSql(okhttp3.Interceptor.Chain chain) throws java.io.IOException {
        okio.Buffer body = new okio.Buffer();
        chain.request().body().writeTo(body);
        for (com.fasterxml.jackson.databind.JsonNode step : new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(body.readUtf8()).findValues("stmt")) {
            sentSql.add(step.path("sql").asText());
        }
        return chain.proceed(chain.request());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.close();
    }

    @BeforeEach
    void freshTables() {
        conn = new HranaConnection(client);
        conn.update(Statement.of("DROP TABLE IF EXISTS item"));
        conn.update(Statement.of("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL,"
                + " big INTEGER, ratio REAL, data BLOB)"));
        trips.reset();
        sentSql.clear();
    }

    @AfterEach
    void closeConnection() {
        conn.close();
    }

    private static Statement insert(String name) {
        return new Statement("INSERT INTO item (name) VALUES (?)", List.of(name));
    }

    private List<Object[]> rows(String sql, Object... params) {
        List<Object[]> out = new ArrayList<>();
        try (RowCursor c = conn.query(new Statement(sql, List.of(params)))) {
            while (c.next()) {
                Object[] row = new Object[c.columns().size()];
                for (int i = 0; i < row.length; i++) row[i] = c.getObject(i);
                out.add(row);
            }
        }
        return out;
    }

    private long count() {
        return (Long) rows("SELECT count(*) FROM item").get(0)[0];
    }

    @Test
    void everyValueTypeRoundTrips() {
        byte[] blob = {0, 1, 2, (byte) 0xff, 127, -128, 42};
        String text = "it's \"quoted\" — ünïcødé ✓ 日本 \uD83D\uDE00";
        List<Object> params = new ArrayList<>(List.of(text, Long.MAX_VALUE, 0.1, blob));
        conn.update(new Statement("INSERT INTO item (name, big, ratio, data) VALUES (?, ?, ?, ?)", params));
        List<Object> nulls = new ArrayList<>();
        nulls.add("nulls");
        nulls.add(Long.MIN_VALUE);
        nulls.add(null);
        nulls.add(null);
        conn.update(new Statement("INSERT INTO item (name, big, ratio, data) VALUES (?, ?, ?, ?)", nulls));

        List<Object[]> got = rows("SELECT name, big, ratio, data FROM item ORDER BY id");
        assertThat(got.get(0)[0]).isEqualTo(text);
        assertThat(got.get(0)[1]).isEqualTo(Long.MAX_VALUE);
        assertThat(got.get(0)[2]).isEqualTo(0.1);
        assertThat((byte[]) got.get(0)[3]).containsExactly(blob);
        assertThat(got.get(1)).containsExactly("nulls", Long.MIN_VALUE, null, null);
        assertThat(rows("SELECT ?, ?, ?", 3.25, -7L, new byte[0]).get(0)).satisfies(r -> {
            assertThat(r[0]).isEqualTo(3.25);
            assertThat(r[1]).isEqualTo(-7L);
        });
    }

    @Test
    void typedGettersAndColumnNames() {
        conn.update(new Statement("INSERT INTO item (name, big) VALUES (?, ?)", List.of("a", 5L)));
        try (RowCursor c = conn.query(Statement.of("SELECT name, big, ratio FROM item"))) {
            assertThat(c.columns()).containsExactly("name", "big", "ratio");
            assertThat(c.next()).isTrue();
            assertThat(c.getString(0)).isEqualTo("a");
            assertThat(c.getLong(1)).isEqualTo(5L);
            assertThat(c.getDouble(2)).isZero();
            assertThat(c.wasNull()).isTrue();
            assertThat(c.next()).isFalse();
        }
    }

    @Test
    void updateAndDeleteReportTheRowsTheyChanged() {
        for (String n : List.of("a", "b", "c")) assertThat(conn.update(insert(n))).isEqualTo(1);
        assertThat(conn.update(new Statement("UPDATE item SET big = ? WHERE name <> ?", List.of(9L, "a")))).isEqualTo(2);
        assertThat(conn.update(new Statement("UPDATE item SET big = 1 WHERE name = ?", List.of("zzz")))).isZero();
        assertThat(conn.update(Statement.of("DELETE FROM item"))).isEqualTo(3);
        assertThat(conn.update(Statement.of("CREATE TABLE IF NOT EXISTS other (x)"))).isZero();
    }

    @Test
    void insertReturningGivesTheNewIds() {
        Rows first;
        try (RowCursor c = conn.query(new Statement("INSERT INTO item (name) VALUES (?), (?) RETURNING id",
                List.of("x", "y")))) {
            List<Long> ids = new ArrayList<>();
            while (c.next()) ids.add(c.getLong(0));
            assertThat(ids).hasSize(2).doesNotHaveDuplicates().allMatch(id -> id > 0);
        }
        first = conn.executeAll(List.of(new Statement("INSERT INTO item (name) VALUES (?) RETURNING id, name",
                List.of("z")))).get(0);
        assertThat(first.columns()).containsExactly("id", "name");
        assertThat(first.rows().get(0)[1]).isEqualTo("z");
        assertThat(first.rowCount()).isEqualTo(1);
    }

    @Test
    void executeAllReturnsEachResultInOrder() {
        List<Rows> results = conn.executeAll(List.of(insert("a"), insert("b"),
                Statement.of("UPDATE item SET big = 3"), Statement.of("SELECT name FROM item ORDER BY name")));
        assertThat(results).extracting(Rows::rowCount).containsExactly(1L, 1L, 2L, 0L);
        assertThat(results.get(3).rows()).extracting(r -> r[0]).containsExactly("a", "b");
    }

    @Test
    void executeAllIsAllOrNothing() {
        conn.update(insert("taken"));
        assertThatThrownBy(() -> conn.executeAll(List.of(insert("new1"), insert("taken"), insert("new2"))))
                .isInstanceOf(IntegrityError.class)
                .hasMessageContaining("UNIQUE constraint failed")
                .hasMessageContaining("INSERT INTO item (name) VALUES (?)")
                .hasMessageNotContaining("taken");
        assertThat(rows("SELECT name FROM item")).extracting(r -> r[0]).containsExactly("taken");
        assertThat(conn.inTransaction()).isFalse();
        conn.update(insert("after")); // the shared connection is not left inside a transaction
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void executeAllInsideATransactionUndoesOnlyItsOwnUnit() {
        conn.begin();
        conn.update(insert("kept"));
        assertThatThrownBy(() -> conn.executeAll(List.of(insert("gone"), insert("kept"))))
                .isInstanceOf(IntegrityError.class);
        assertThat(conn.executeAll(List.of(insert("also"))).get(0).rowCount()).isEqualTo(1);
        conn.commit();
        assertThat(rows("SELECT name FROM item ORDER BY name")).extracting(r -> r[0]).containsExactly("also", "kept");
    }

    @Test
    void transactionCommitsAndRollsBack() {
        conn.begin();
        conn.update(insert("a"));
        assertThat(count()).isEqualTo(1); // a read inside the transaction sees its writes
        conn.rollback();
        assertThat(count()).isZero();

        conn.begin();
        conn.update(insert("b"));
        conn.commit();
        assertThat(conn.inTransaction()).isFalse();
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void savepointsRollBackPartOfATransaction() {
        conn.begin();
        conn.update(insert("outer"));
        conn.savepoint("s1");
        conn.update(insert("inner"));
        assertThat(count()).isEqualTo(2);
        conn.rollbackToSavepoint("s1");
        conn.releaseSavepoint("s1");
        assertThat(count()).isEqualTo(1);
        conn.savepoint("s2");
        conn.update(insert("second"));
        conn.releaseSavepoint("s2");
        conn.commit();
        assertThat(rows("SELECT name FROM item ORDER BY id")).extracting(r -> r[0]).containsExactly("outer", "second");
    }

    @Test
    void heldSavepointRolledBackBeforeSendingCostsNothing() {
        conn.begin();
        conn.enqueue(insert("kept"), r -> { });
        conn.savepoint("s");
        List<Rows> dropped = new ArrayList<>();
        conn.enqueue(insert("dropped"), dropped::add);
        trips.reset();
        conn.rollbackToSavepoint("s");
        assertThat(trips.count()).isZero();
        conn.commit();
        assertThat(dropped).isEmpty();
        assertThat(rows("SELECT name FROM item")).extracting(r -> r[0]).containsExactly("kept");
    }

    @Test
    void enqueuedWritesRunWithTheCommitAndFeedTheirCallbacks() {
        List<Long> ids = new ArrayList<>();
        conn.begin();
        for (int i = 0; i < 5; i++) {
            conn.enqueue(new Statement("INSERT INTO item (name) VALUES (?) RETURNING id", List.of("n" + i)),
                    r -> ids.add((Long) r.rows().get(0)[0]));
        }
        assertThat(ids).isEmpty();
        conn.commit();
        assertThat(ids).hasSize(5).isSorted().doesNotHaveDuplicates();
        assertThat(count()).isEqualTo(5);
    }

    @Test
    void heldInsertsLearnTheirOwnNewKeysInOneRoundTrip() {
        conn.update(insert("before")); // the first new key is not 1, so a key off by one row shows
        java.util.Map<String, Long> keys = new java.util.LinkedHashMap<>();
        conn.begin();
        trips.reset();
        sentSql.clear();
        for (int i = 0; i < 20; i++) {
            String name = "k" + i;
            conn.enqueueInsert(insert(name), "\"id\"", r -> keys.put(name, (Long) r.rows().get(0)[0]));
        }
        assertThat(keys).isEmpty();
        conn.commit();
        assertThat(trips.count()).isEqualTo(1);
        assertThat(sentSql).filteredOn(sql -> sql.startsWith("INSERT")).singleElement().asString()
                .as("the held one-row inserts travel as one statement").contains("RETURNING \"id\"");
        java.util.Map<String, Long> stored = new java.util.LinkedHashMap<>();
        for (Object[] row : rows("SELECT name, id FROM item WHERE name LIKE 'k%'")) stored.put((String) row[0], (Long) row[1]);
        assertThat(keys).hasSize(20).isEqualTo(stored);
    }

    @Test
    void keyedInsertsAreHeldBackLikeAnyInsertAndLearnTheirKeysOnCommit() {
        conn.update(insert("before"));
        java.util.Map<String, Long> keys = new java.util.LinkedHashMap<>();
        conn.begin();
        trips.reset();
        for (int i = 0; i < 5; i++) {
            String name = "q" + i;
            conn.enqueueKeyedInsert(insert(name), "\"id\"", key -> keys.put(name, key));
        }
        assertThat(keys).as("held back until the commit").isEmpty();
        conn.commit();
        assertThat(trips.count()).isEqualTo(1);
        java.util.Map<String, Long> stored = new java.util.LinkedHashMap<>();
        for (Object[] row : rows("SELECT name, id FROM item WHERE name LIKE 'q%'")) stored.put((String) row[0], (Long) row[1]);
        assertThat(keys).hasSize(5).isEqualTo(stored);
        conn.enqueueKeyedInsert(insert("outside"), "\"id\"", key -> keys.put("outside", key));
        assertThat(keys.get("outside")).as("outside a transaction: at once")
                .isEqualTo(rows("SELECT id FROM item WHERE name = 'outside'").get(0)[0]);
    }

    @Test
    void keysGoToTheirTargetsThroughOneSetterAcrossBlocksMixedWithOtherHeldWrites() {
        conn.update(insert("before"));
        java.util.Map<String, Long> keys = new java.util.LinkedHashMap<>();
        java.util.function.ObjLongConsumer<String> setter = keys::put;
        for (int block = 0; block < 3; block++) { // each block's writes held in the table the one before left
            conn.begin();
            trips.reset();
            for (int i = 0; i < 4; i++) conn.enqueueKeyedInsert(insert("s" + block + i), "\"id\"", "s" + block + i, setter);
            String viaCallback = "c" + block;
            conn.enqueueKeyedInsert(insert(viaCallback), "\"id\"", key -> keys.put(viaCallback, key));
            conn.enqueueKeyedInsert(insert("t" + block), "\"id\"", "t" + block, setter);
            assertThat(keys).as("held back until the commit").doesNotContainKey("s" + block + "0");
            conn.commit();
            assertThat(trips.count()).isEqualTo(1);
        }
        java.util.Map<String, Long> stored = new java.util.LinkedHashMap<>();
        for (Object[] row : rows("SELECT name, id FROM item WHERE name <> 'before'")) stored.put((String) row[0], (Long) row[1]);
        assertThat(keys).hasSize(18).isEqualTo(stored);
        conn.enqueueKeyedInsert(insert("outside"), "\"id\"", "outside", setter);
        assertThat(keys.get("outside")).as("outside a transaction: at once")
                .isEqualTo(rows("SELECT id FROM item WHERE name = 'outside'").get(0)[0]);
    }

    @Test
    void anInsertOutsideATransactionReportsItsKeyAtOnce() {
        conn.update(insert("first"));
        List<Rows> results = new ArrayList<>();
        conn.enqueueInsert(insert("second"), "\"id\"", results::add);
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.rowCount()).isEqualTo(1L);
            assertThat(r.rows().get(0)[0]).isEqualTo(rows("SELECT id FROM item WHERE name = 'second'").get(0)[0]);
        });
    }

    @Test
    void aHeldInsertThatFailsFeedsNoCallbackAndKeepsNothing() {
        conn.update(insert("taken"));
        List<Rows> fed = new ArrayList<>();
        conn.begin();
        conn.enqueueInsert(insert("fresh"), "\"id\"", fed::add);
        conn.enqueueInsert(insert("taken"), "\"id\"", fed::add);
        assertThatThrownBy(conn::commit).isInstanceOf(IntegrityError.class).hasMessageContaining("UNIQUE");
        conn.rollback();
        assertThat(fed).as("the joined insert failed as a whole").isEmpty();
        assertThat(rows("SELECT name FROM item")).extracting(r -> r[0]).containsExactly("taken");
    }

    @Test
    void heldInsertsJoinOnlyWithTheirNeighboursOfTheSameShape() {
        conn.update(Statement.of("DROP TABLE IF EXISTS tag"));
        conn.update(Statement.of("CREATE TABLE tag (id INTEGER PRIMARY KEY AUTOINCREMENT, label TEXT)"));
        conn.update(insert("before"));
        List<String> order = new ArrayList<>();
        java.util.Map<String, Long> keys = new java.util.LinkedHashMap<>();
        java.util.function.BiConsumer<String, Statement> keyed = (name, st) ->
                conn.enqueueInsert(st, "\"id\"", r -> keys.put(name, (Long) r.rows().get(0)[0]));
        conn.begin();
        sentSql.clear();
        keyed.accept("a1", insert("a1"));
        keyed.accept("a2", insert("a2"));
        keyed.accept("t1", new Statement("INSERT INTO tag (label) VALUES (?)", List.of("t1")));
        keyed.accept("a3", new Statement("INSERT INTO item (name, big) VALUES (?, ?)", List.of("a3", 3L)));
        conn.enqueue(new Statement("UPDATE item SET big = 7 WHERE name = ?", List.of("a1")), r -> order.add("update"));
        keyed.accept("a4", insert("a4"));
        keyed.accept("a5", insert("a5"));
        conn.commit();
        assertThat(sentSql).filteredOn(sql -> sql.startsWith("INSERT") || sql.startsWith("UPDATE")).containsExactly(
                "INSERT INTO item (name) VALUES (?), (?) RETURNING \"id\"",
                "INSERT INTO tag (label) VALUES (?)",
                "INSERT INTO item (name, big) VALUES (?, ?)",
                "UPDATE item SET big = 7 WHERE name = ?",
                "INSERT INTO item (name) VALUES (?), (?) RETURNING \"id\"");
        assertThat(order).containsExactly("update");
        assertThat(keys.get("t1")).isEqualTo(rows("SELECT id FROM tag WHERE label = 't1'").get(0)[0]);
        for (String name : List.of("a1", "a2", "a3", "a4", "a5")) {
            assertThat(keys.get(name)).as(name).isEqualTo(rows("SELECT id FROM item WHERE name = ?", name).get(0)[0]);
        }
        assertThat(rows("SELECT big FROM item WHERE name = 'a1'").get(0)[0]).isEqualTo(7L);
    }

    @Test
    void aLongRunOfHeldInsertsIsSplitBelowTheParameterLimit() {
        int n = OneRowInsert.MAX_PARAMS / 2 + 1; // two values a row: one row more than a statement may bind
        List<Long> keys = new ArrayList<>();
        conn.begin();
        sentSql.clear();
        for (int i = 0; i < n; i++) {
            conn.enqueueInsert(new Statement("INSERT INTO item (name, big) VALUES (?, ?)", List.of("n" + i, (long) i)),
                    "\"id\"", r -> keys.add((Long) r.rows().get(0)[0]));
        }
        conn.commit();
        assertThat(sentSql).filteredOn(sql -> sql.startsWith("INSERT")).hasSize(2);
        assertThat(keys).hasSize(n).doesNotHaveDuplicates();
        List<Object[]> stored = rows("SELECT id, big FROM item ORDER BY big");
        for (int i = 0; i < n; i++) assertThat(stored.get(i)[0]).isEqualTo(keys.get(i));
    }

    @Test
    void enqueueOutsideATransactionRunsAtOnce() {
        List<Rows> results = new ArrayList<>();
        conn.enqueue(insert("now"), results::add);
        assertThat(results).singleElement().extracting(Rows::rowCount).isEqualTo(1L);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void aFailedHeldWriteRaisesFromTheCallThatSentItAndTheTransactionRollsBack() {
        conn.update(insert("taken"));
        conn.begin();
        conn.enqueue(insert("fresh"), r -> { });
        conn.enqueue(insert("taken"), r -> { });
        assertThatThrownBy(() -> conn.query(Statement.of("SELECT 1"))).isInstanceOf(IntegrityError.class)
                .hasMessageContaining("UNIQUE");
        assertThatThrownBy(() -> conn.update(insert("more"))).hasMessageContaining("rollback()");
        conn.rollback();
        assertThat(rows("SELECT name FROM item")).extracting(r -> r[0]).containsExactly("taken");
    }

    @Test
    void aFailedHeldWriteInTheCommitRollsTheTransactionBack() {
        conn.update(insert("taken"));
        conn.begin();
        conn.update(insert("fresh"));
        conn.enqueue(insert("taken"), r -> { });
        assertThatThrownBy(conn::commit).isInstanceOf(IntegrityError.class);
        assertThat(conn.inTransaction()).isFalse();
        assertThat(rows("SELECT name FROM item")).extracting(r -> r[0]).containsExactly("taken");
    }

    @Test
    void aFailedStatementInsideATransactionLeavesItUsable() {
        conn.begin();
        conn.update(insert("a"));
        assertThatThrownBy(() -> conn.update(insert("a"))).isInstanceOf(IntegrityError.class);
        conn.update(insert("b"));
        conn.commit();
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void aSecondTransactionIsIsolatedOrRefusedClearly() {
        conn.begin();
        conn.update(insert("mine"));
        try (HranaConnection other = new HranaConnection(client)) {
            if (Boolean.FALSE.equals(client.capabilities().tracksStreams())) {
                // One SQLite connection shared by all clients (tursodb): the second BEGIN cannot run.
                assertThatThrownBy(() -> other.executeAll(List.of(insert("x"), insert("y"))))
                        .isInstanceOf(io.djorm.core.OperationalError.class)
                        .hasMessageContaining("shares one SQLite connection");
            } else {
                // Isolated streams: the other transaction waits for the lock or is refused as busy.
                assertThatThrownBy(() -> other.executeAll(List.of(insert("x"), insert("y"))))
                        .isInstanceOf(io.djorm.core.OperationalError.class);
            }
        }
        conn.rollback();
        assertThat(count()).isZero();
    }

    @Test
    void errorsAreMappedAndNameTheStatement() {
        assertThatThrownBy(() -> conn.query(Statement.of("SELECT * FROM missing_table")))
                .isInstanceOf(ProgrammingError.class).hasMessageContaining("missing_table");
        assertThatThrownBy(() -> conn.query(Statement.of("SELEC 1"))).isInstanceOf(ProgrammingError.class)
                .hasMessageContaining("SELEC 1");
        assertThatThrownBy(() -> conn.update(new Statement("INSERT INTO item (name) VALUES (?)", nullList())))
                .isInstanceOf(IntegrityError.class).hasMessageContaining("NOT NULL");
    }

    private static List<Object> nullList() {
        List<Object> l = new ArrayList<>();
        l.add(null);
        return l;
    }

    @Test
    void aQueryAndAnUpdateCostOneRoundTripEach() {
        conn.query(Statement.of("SELECT 1")).close();
        assertThat(trips.count()).isEqualTo(1);
        trips.reset();
        conn.update(insert("a"));
        assertThat(trips.count()).isEqualTo(1);
    }

    @Test
    void executeAllOfAThousandInsertsIsOneRoundTrip() {
        List<Statement> inserts = new ArrayList<>();
        for (int i = 0; i < 1000; i++) inserts.add(insert("row" + i));
        List<Rows> results = conn.executeAll(inserts);
        assertThat(trips.count()).isEqualTo(1);
        assertThat(results).hasSize(1000).allMatch(r -> r.rowCount() == 1);
        assertThat(count()).isEqualTo(1000);
    }

    @Test
    void anAtomicBlockOfEnqueuedInsertsIsOneRoundTrip() {
        conn.begin();
        for (int i = 0; i < 50; i++) conn.enqueue(insert("row" + i), r -> { });
        conn.commit();
        assertThat(trips.count()).isEqualTo(1);
        assertThat(count()).isEqualTo(50);
    }

    @Test
    void aTransactionAddsNoRoundTripOfItsOwn() {
        conn.begin();
        conn.update(insert("a"));
        conn.query(Statement.of("SELECT count(*) FROM item")).close();
        conn.commit();
        assertThat(trips.count()).isEqualTo(3);
        trips.reset();
        conn.begin();
        conn.commit();
        conn.begin();
        conn.rollback();
        assertThat(trips.count()).isZero();
    }
}
