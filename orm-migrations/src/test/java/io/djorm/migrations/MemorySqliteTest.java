package io.djorm.migrations;

import io.djorm.core.spi.Connection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The base of the migration tests that run on a fresh in-memory SQLite database, one per test. */
abstract class MemorySqliteTest {
    /** The test's database, with foreign keys enforced. */
    Connection db;

    @BeforeEach
    void openMemoryDatabase() {
        db = Fixtures.memory();
    }

    @AfterEach
    void closeMemoryDatabase() {
        db.close();
    }
}
