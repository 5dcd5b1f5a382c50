package io.djorm.examples.springbookshop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The bookshop on a fresh SQLite file. */
@SpringBootTest(properties = "bookshop.demo=false")
@DirtiesContext
class SqliteBookshopTest extends BookshopContract {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        Path file = Files.createTempDirectory("spring-bookshop-").resolve("shop.db");
        registry.add("djorm.databases.default.url", () -> "sqlite:///" + file.toAbsolutePath());
    }
}
