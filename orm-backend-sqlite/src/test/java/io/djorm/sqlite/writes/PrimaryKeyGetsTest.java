package io.djorm.sqlite.writes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.Djorm;
import io.djorm.core.DoesNotExist;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The get by primary key's own path (no queryset): each alias reads its own database, alternating
 * aliases never reuse the other's statement or hydrator, and a missing key raises Django's error.
 */
class PrimaryKeyGetsTest {
    @TempDir
    Path dir;

    @BeforeEach
    void configure() {
        Djorm.configure(Map.of("DATABASES", Map.of(
                "default", Map.of("ENGINE", "sqlite", "NAME", dir.resolve("a.db").toString()),
                "other", Map.of("ENGINE", "sqlite", "NAME", dir.resolve("b.db").toString()))));
        Djorm.connection().createTables(Card.class);
        Djorm.connection("other").createTables(Card.class);
    }

    @AfterEach
    void shutdown() {
        if (Djorm.isConfigured()) Djorm.shutdown();
    }

    @Test
    void aGetThroughASecondAliasReadsThatAliasAndLoadsItsInstancesFromIt() {
        Card here = Card.objects().create("name", "here", "rank", 1);
        Card there = Card.objects().using("other").create("name", "there", "rank", 2);
        assertThat(there.pk()).isEqualTo(here.pk()); // the same key in both files
        for (int i = 0; i < 3; i++) { // alternating: the last alias used must not stick
            Card a = Card.objects().get("pk", here.pk());
            Card b = Card.objects().using("other").get("pk", here.pk());
            assertThat(a.name).isEqualTo("here");
            assertThat(a.db()).isEqualTo("default");
            assertThat(b.name).isEqualTo("there");
            assertThat(b.db()).isEqualTo("other");
        }
    }

    @Test
    void aMissingKeyRaisesDoesNotExistWithDjangosMessageOnEveryAlias() {
        Card only = Card.objects().using("other").create("name", "only", "rank", 3);
        long missing = (Long) only.pk() + 1;
        assertThatThrownBy(() -> Card.objects().get("pk", only.pk()))
                .isInstanceOf(DoesNotExist.class).hasMessage("Card matching query does not exist.");
        assertThatThrownBy(() -> Card.objects().using("other").get("pk", missing))
                .isInstanceOf(DoesNotExist.class).hasMessage("Card matching query does not exist.");
        // the connection went back to the pool after the miss: the next get on that alias works
        assertThat(Card.objects().using("other").get("pk", only.pk()).name).isEqualTo("only");
    }
}
