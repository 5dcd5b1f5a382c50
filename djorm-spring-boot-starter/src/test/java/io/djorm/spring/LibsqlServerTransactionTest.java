package io.djorm.spring;

import io.djorm.spring.notes.NotesApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The starter's contract on the libSQL test server (Hrana over HTTP), in a real application context. */
@SpringBootTest(classes = NotesApplication.class, properties = "djorm.migrate-on-startup=true")
@DirtiesContext
class LibsqlServerTransactionTest extends TransactionContract {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("djorm.databases.default.url", TestServers::libsqlUrl);
    }
}
