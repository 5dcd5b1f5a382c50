package io.djorm.async;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.async.demo.Book;
import io.djorm.core.Djorm;
import io.djorm.core.Transaction;
import io.djorm.testkit.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Async writes nobody awaited still reach the database when the program's main returns. */
class ExitDrainTest extends AsyncBackendTest {
    private static final int WRITES = 200;

    @Test
    void unawaitedCreatesAreAllWrittenWhenMainReturns() throws Exception {
        String output = runChild();
        assertThat(output).doesNotContain("were not sent").doesNotContain("create failed");
        assertThat(createdRows()).isEqualTo(WRITES);
    }

    @Test
    void whatCannotRunWithinTheExitTimeoutIsDroppedAndLogged() throws Exception {
        long start = System.nanoTime();
        String output = runChild("300");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(TIMEOUT_SECONDS / 2));
        assertThat(output).contains("queued statement(s) of alias 'default' were not sent")
                .contains("one statement was still running").contains("AsyncOptions.exitTimeout");
        assertThat(createdRows()).isZero(); // all were queued behind the busy worker
    }

    /** Runs {@link ExitDrainMain} on this backend's database; returns its output once it has exited. */
    private String runChild(String... extra) throws Exception {
        Map<String, Object> settings = Djorm.database(Djorm.DEFAULT_DB_ALIAS).settings().asMap();
        String name = (String) settings.get("NAME");
        Object syncUrl = settings.get("SYNC_URL");
        if (syncUrl != null) {
            // The child keeps its own replica file; its writes go to the same server.
            name = TestDatabases.tempDir("djorm-exit-drain-").resolve("child-replica.db").toString();
        }
        Path log = Files.createTempFile("djorm-exit-drain-", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                ExitDrainMain.class.getName(), String.valueOf(WRITES), (String) settings.get("ENGINE"), name,
                syncUrl == null ? "-" : syncUrl.toString()));
        command.addAll(List.of(extra));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            boolean exited = child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(exited).as("the child JVM exited; output:%n%s", output).isTrue();
            assertThat(child.exitValue()).as(output).isZero();
            return output;
        } finally {
            child.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    /** Rows the child created, read through a transaction, which a replica sends to the server. */
    private static long createdRows() {
        return Transaction.atomic(() -> Book.objects().filter("title__startswith", "exit-").count());
    }
}
