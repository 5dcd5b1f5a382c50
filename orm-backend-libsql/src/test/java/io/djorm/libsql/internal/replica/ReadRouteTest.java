package io.djorm.libsql.internal.replica;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadRouteTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT \"t\".\"id\", \"t\".\"name\" FROM \"t\" WHERE \"t\".\"id\" = ? LIMIT 21",
        "select 1",
        "  \n\tSELECT 1",
        "-- a note\nSELECT 1",
        "/* hint */ SELECT 1",
        "/* a */ -- b\n /* c */SELECT 1",
        "VALUES (1), (2)",
        "EXPLAIN QUERY PLAN SELECT * FROM t",
        "WITH x AS (SELECT 1) SELECT * FROM x",
        "SELECT 'INSERT INTO t VALUES (1)' AS text",
        "SELECT 'it''s an update' FROM t",
        "SELECT \"update\" FROM \"delete\"",
        "SELECT `insert`, [replace] FROM t",
        "SELECT updated_at, inserted, deleted_flag, returning_id FROM t",
        "PRAGMA table_info(\"book\")",
        "pragma main.index_list('book')",
        "PRAGMA user_version;"})
    void readsRunOnTheFile(String sql) {
        assertThat(ReadRoute.isLocalRead(sql)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "INSERT INTO t VALUES (1)",
        "UPDATE t SET a = 1",
        "DELETE FROM t",
        "REPLACE INTO t VALUES (1)",
        "CREATE TABLE t (id INTEGER)",
        "BEGIN",
        "WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x",
        "WITH x AS (SELECT 1) delete FROM t WHERE id IN (SELECT * FROM x)",
        "SELECT 1; INSERT INTO t VALUES (1)",
        "SELECT \"a\"RETURNING",
        "SELECT 'unterminated INSERT INTO t",
        "SELECT [unterminated UPDATE t",
        "/* never closed SELECT 1",
        "-- only a comment",
        "",
        "PRAGMA user_version = 3",
        "PRAGMA journal_mode = WAL",
        "PRAGMA journal_mode",
        "PRAGMA query_only = 0",
        "SELECTED 1"})
    void everythingElseGoesToThePrimary(String sql) {
        assertThat(ReadRoute.isLocalRead(sql)).isFalse();
    }
}
