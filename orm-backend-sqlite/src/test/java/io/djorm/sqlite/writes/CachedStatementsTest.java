package io.djorm.sqlite.writes;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.DoesNotExist;
import io.djorm.core.Djorm;
import io.djorm.core.CloseableIterator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read path's cached statements: a statement goes back to the cache when its rows are done (told by
 * the rows themselves), keeps no large bound value afterwards, and is rebound correctly on every run.
 */
class CachedStatementsTest {
    @TempDir
    Path dir;

    @BeforeEach
    void configure() {
        Djorm.configure(Map.of("DATABASES", Map.of("default", Map.of("ENGINE", "sqlite", "NAME",
                dir.resolve("r.db").toString()))));
        Djorm.connection().createTables(Card.class);
    }

    @AfterEach
    void shutdown() {
        if (Djorm.isConfigured()) Djorm.shutdown();
    }

    private static Card card(String name, int rank) {
        Card c = new Card();
        c.name = name;
        c.rank = rank;
        c.save();
        return c;
    }

    @Test
    void theSameStatementRunWithALargeValueThenSmallOnesFindsWhatEachValueNames() {
        String large = "x".repeat(1000); // longer than the column holds: bound, never stored
        card("small", 2);
        card("other", 3);
        for (int i = 0; i < 3; i++) {
            assertThat(Card.objects().filter("name", large).valuesListFlat("rank", Integer.class).list()).isEmpty();
            assertThat(Card.objects().filter("name", "small").valuesListFlat("rank", Integer.class).list()).containsExactly(2);
            assertThat(Card.objects().filter("name", "other").valuesListFlat("rank", Integer.class).list()).containsExactly(3);
        }
    }

    @Test
    void getsByPrimaryKeyReuseTheirStatementAndReportAMissingRow() {
        Card a = card("a", 1);
        Card b = card("b", 2);
        for (int i = 0; i < 5; i++) {
            assertThat(Card.objects().get("pk", a.pk()).name).isEqualTo("a");
            assertThat(Card.objects().get("pk", b.pk()).name).isEqualTo("b");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Card.objects().get("pk", 999_999L))
                .isInstanceOf(DoesNotExist.class);
        assertThat(Card.objects().get("pk", a.pk()).rank).isEqualTo(1);
    }

    @Test
    void aStatementWhoseRowsAreStillOpenIsNotHandedOutTwice() {
        for (int i = 0; i < 5; i++) card("c" + i, i);
        try (CloseableIterator<Card> outer = Card.objects().orderBy("pk").iterator(1)) {
            int seen = 0;
            while (outer.hasNext()) {
                Card c = outer.next();
                // the same SQL while the outer rows stream: a second statement, not the busy one
                List<Card> again = Card.objects().orderBy("pk").list();
                assertThat(again).hasSize(5);
                assertThat(c.name).isEqualTo("c" + seen++);
            }
            assertThat(seen).isEqualTo(5);
        }
        assertThat(Card.objects().orderBy("pk").list()).hasSize(5);
    }
}
