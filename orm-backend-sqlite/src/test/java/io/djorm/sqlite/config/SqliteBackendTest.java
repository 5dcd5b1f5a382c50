package io.djorm.sqlite.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.Djorm;
import io.djorm.core.IntegrityError;
import io.djorm.core.OperationalError;
import io.djorm.core.ProgrammingError;
import io.djorm.core.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The SQLite backend under many threads, and its error mapping (issue 2, point 9). */
class SqliteBackendTest extends SqliteFileTest {

    @Override
    void configure(Map<String, Object> options) {
        super.configure(options);
        Djorm.connection().createTables(Note.class);
    }

    @Test
    void manyThreadsWriteAndReadAFileSafely() throws Exception {
        configure(Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 100; i++) {
                    if (i % 10 == 0) {
                        Transaction.atomic(() -> {
                            Note.objects().create("text", "tx-" + thread);
                            Note.objects().filter("text", "tx-" + thread).count();
                        });
                    } else {
                        Note.objects().create("text", "t" + thread + "-" + i);
                    }
                    Note.objects().filter("text__startswith", "t" + thread).count();
                }
            }));
        }
        for (Future<?> f : futures) f.get(60, TimeUnit.SECONDS);
        pool.shutdown();
        assertThat(Note.objects().count()).isEqualTo(800);
        assertThat(Note.objects().filter("text__startswith", "tx-").count()).isEqualTo(80);
    }

    @Test
    void constraintFailuresAreIntegrityErrorsNamingTheStatement() {
        configure(Map.of());
        assertThatThrownBy(() -> Djorm.connection().execute("INSERT INTO config_note (text) VALUES (NULL)"))
                .isInstanceOf(IntegrityError.class)
                .hasMessageContaining("NOT NULL constraint failed: config_note.text")
                .hasMessageContaining("[SQL: INSERT INTO config_note (text) VALUES (NULL)]");
    }

    @Test
    void missingTablesAreProgrammingErrors() {
        configure(Map.of());
        assertThatThrownBy(() -> Djorm.connection().query("SELECT * FROM nowhere"))
                .isInstanceOf(ProgrammingError.class).hasMessageContaining("no such table: nowhere");
    }

    @Test
    void aLockHeldLongerThanTheTimeoutIsAnOperationalErrorThatSaysWhatToDo() throws Exception {
        configure(Map.of("timeout", 0.2, "pool_size", 2));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> Transaction.atomic(() -> {
            Note.objects().create("text", "holding the write lock");
            locked.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        holder.start();
        locked.await(10, TimeUnit.SECONDS);
        try {
            assertThatThrownBy(() -> Note.objects().create("text", "blocked"))
                    .isInstanceOf(OperationalError.class).hasMessageContaining("locked")
                    .hasMessageContaining("OPTIONS.timeout");
        } finally {
            release.countDown();
            holder.join();
        }
        assertThat(Note.objects().all().valuesListFlat("text", String.class).list()).containsExactly("holding the write lock");
    }
}
