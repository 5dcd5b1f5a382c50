package io.djorm.spring;

import io.djorm.spring.notes.NotesApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The starter's contract on a SQLite file, in a real application context. */
@SpringBootTest(classes = NotesApplication.class, properties = "djorm.migrate-on-startup=true")
@DirtiesContext
class SqliteTransactionTest extends TransactionContract {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        Path file = Files.createTempDirectory("djorm-spring-").resolve("notes.db");
        registry.add("djorm.databases.default.url", () -> "sqlite:///" + file.toAbsolutePath());
    }
}
