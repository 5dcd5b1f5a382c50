package io.djorm.examples.springbookshop;

import io.djorm.testkit.LibsqlTestServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The bookshop on the libSQL test server, over Hrana. */
@SpringBootTest(properties = "bookshop.demo=false")
@DirtiesContext
class LibsqlServerBookshopTest extends BookshopContract {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        LibsqlTestServer server = LibsqlTestServer.start();
        // Stopped when the JVM exits, after @DirtiesContext has closed the context and djorm with it.
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "libsql-test-server-stop"));
        registry.add("djorm.databases.default.url", () -> "libsql+" + server.url());
    }
}
