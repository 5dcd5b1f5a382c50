package io.djorm.async;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.async.demo.Book;
import io.djorm.core.Djorm;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A private in-memory database has a single connection: its one async worker gives it back when idle,
 * so synchronous code keeps working between async calls instead of waiting for the connection.
 */
class InMemoryDatabaseTest {

    @BeforeEach
    void inMemory() {
        AsyncFixture.tearDown();
        Djorm.configure(Map.of("DATABASES", Map.of("default", Map.of("ENGINE", "sqlite", "NAME", ":memory:")),
                "INSTALLED_APPS", List.of("io.djorm.async.demo")));
        Djorm.connection().createTables(Book.class);
    }

    @AfterEach
    void close() {
        AsyncFixture.tearDown();
    }

    @Test
    void syncCodeRunsBetweenAsyncCalls() throws Exception {
        Async.of(Book.objects()).createAsync("title", "a").get(10, TimeUnit.SECONDS);
        long start = System.nanoTime();
        assertThat(Book.objects().count()).isEqualTo(1); // would wait 30 s for a connection the worker kept
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(Async.of(Book.objects()).countAsync().get(10, TimeUnit.SECONDS)).isEqualTo(1);
    }
}
