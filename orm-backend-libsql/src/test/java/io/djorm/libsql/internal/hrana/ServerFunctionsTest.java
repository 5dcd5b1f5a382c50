package io.djorm.libsql.internal.hrana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.DatabaseSettings;
import io.djorm.core.NotSupportedError;
import io.djorm.core.spi.Database;
import io.djorm.libsql.LibsqlBackend;
import io.djorm.sqlite.SqliteBackend;
import io.djorm.testkit.TursoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Learning a server's window functions by asking it, instead of assuming which server it is. */
class ServerFunctionsTest {
    @Test
    void anEngineWithTheFunctionsIsNotRefused() throws Exception {
        Path dir = Files.createTempDirectory("djorm-functions-");
        Database sqlite = new SqliteBackend().open(new DatabaseSettings("default",
                Map.of("ENGINE", "sqlite", "NAME", dir.resolve("f.db").toString())));
        try {
            ServerFunctions functions = new ServerFunctions();
            assertThat(functions.test("DENSE_RANK")).as("not attached yet: nothing is known missing").isFalse();
            functions.attach(sqlite);
            for (String f : List.of("DENSE_RANK", "LAG", "LEAD", "NTILE", "CUME_DIST")) assertThat(functions.test(f)).isFalse();
            assertThat(functions.test("ROW_NUMBER")).as("only the listed functions are asked about").isFalse();
        } finally {
            sqlite.close();
        }
    }

    @Test
    void aServerWithoutThemIsAskedOnceAndRefusesByName() {
        try (TursoServer server = TursoServer.start()) {
            Database remote = new LibsqlBackend().open(new DatabaseSettings("default",
                    Map.of("ENGINE", "libsql", "NAME", server.url())));
            try {
                var dialect = remote.dialect();
                boolean lacks;
                try {
                    dialect.function("DENSE_RANK", List.of());
                    lacks = false;
                } catch (NotSupportedError e) {
                    assertThat(e).hasMessageContaining("DENSE_RANK()").hasMessageContaining(server.url());
                    lacks = true;
                }
                if (lacks) {
                    // The answer is kept: asking again refuses the same way without another probe.
                    assertThatThrownBy(() -> dialect.function("DENSE_RANK", List.of())).isInstanceOf(NotSupportedError.class);
                }
                assertThat(dialect.function("ROW_NUMBER", List.of())).isEqualTo("ROW_NUMBER()");
            } finally {
                remote.close();
            }
        }
    }
}
