package io.djorm.docs.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.DatabaseUrl;
import io.djorm.core.Djorm;
import io.djorm.core.meta.ModelMeta;
import io.djorm.docs.shop.Tag;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snippets of docs/configuration.md. */
class ConfigurationSnippetsTest {
    @TempDir
    Path dir;

    @AfterEach
    void shutdown() {
        Djorm.shutdown();
    }

    @Test
    void sqliteWithOptionsAndTwoAliases() {
        configureShop(dir.resolve("shop.db").toString(), dir.resolve("archive.db").toString());
        Djorm.connection().createTables(Tag.class);
        Djorm.connection("archive").createTables(Tag.class);

        // region configuration-using
        Tag.objects().create("name", "current");
        Tag.objects().using("archive").create("name", "old");
        long archived = Tag.objects().using("archive").count();
        // endregion configuration-using
        assertThat(archived).isEqualTo(1);
        assertThat(Tag.objects().count()).isEqualTo(1);
    }

    // region configuration-databases
    static void configureShop(String shopDb, String archiveDb) {
        Djorm.configure(Map.of(
                "DATABASES", Map.of(
                        "default", Map.of(
                                "ENGINE", "sqlite",
                                "NAME", shopDb,
                                "OPTIONS", Map.of(
                                        "timeout", 10,                     // seconds to wait for a lock
                                        "transaction_mode", "IMMEDIATE",   // how atomic blocks BEGIN
                                        "pool_size", 4,                    // connections to the file
                                        "journal_mode", "WAL")),
                        "archive", Map.of("ENGINE", "libsql", "NAME", archiveDb)),
                "INSTALLED_APPS", List.of("io.djorm.docs.shop")));
    }
    // endregion configuration-databases

    @Test
    void installedPackagesAndTheirSubpackagesAreScanned() {
        // region configuration-models-found
        Djorm.configure(Map.of(
                "DATABASES", Map.of("default", Map.of("ENGINE", "sqlite", "NAME", "target/discovery.db")),
                "INSTALLED_APPS", List.of("io.djorm.docs.snippets.discovery")));
        List<String> found = Djorm.apps().models().stream().map(ModelMeta::label).toList();
        // [billing.Invoice, discovery.Customer]
        // endregion configuration-models-found
        assertThat(found).containsExactly("billing.Invoice", "discovery.Customer");
    }

    @Test
    void databaseUrl() {
        // region configuration-url
        Djorm.configure(Map.of(
                "DATABASE_URL", "sqlite:///target/url.db?timeout=3",   // usually System.getenv("DATABASE_URL")
                "INSTALLED_APPS", List.of("io.djorm.docs.shop")));
        Map<String, Object> parsed = DatabaseUrl.parse("libsql://shop-acme.turso.io?authToken=TOKEN");
        // {ENGINE=libsql, NAME=https://shop-acme.turso.io, AUTH_TOKEN=TOKEN, OPTIONS={}}; printed, AUTH_TOKEN=<hidden>
        // endregion configuration-url
        assertThat(Djorm.connection().vendor()).isEqualTo("sqlite");
        assertThat(parsed).containsEntry("ENGINE", "libsql").containsEntry("NAME", "https://shop-acme.turso.io")
                .containsEntry("AUTH_TOKEN", "TOKEN");
        assertThat(parsed.toString()).contains("AUTH_TOKEN=<hidden>").doesNotContain("=TOKEN");
    }

    @Test
    void synchronousFull() {
        configureOrders(dir.resolve("orders.db").toString());
        assertThat(Djorm.connection().query("PRAGMA synchronous").rows().get(0)[0]).isEqualTo(2L);
    }

    // region configuration-synchronous
    static void configureOrders(String ordersDb) {
        Djorm.configure(Map.of("DATABASES", Map.of("default", Map.of(
                "ENGINE", "sqlite", "NAME", ordersDb,
                "OPTIONS", Map.of("synchronous", "FULL")))));   // every commit synced: survives a power loss
    }
    // endregion configuration-synchronous
}
