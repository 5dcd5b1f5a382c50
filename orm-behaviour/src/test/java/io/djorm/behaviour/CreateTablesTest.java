package io.djorm.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.behaviour.shop.Novel;
import io.djorm.behaviour.shop.Publisher;
import io.djorm.behaviour.shop.Tag;
import io.djorm.behaviour.shop.Writer;
import io.djorm.core.Djorm;
import io.djorm.core.QueryCapture;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code createTables} creates only what is missing (Django: {@code migrate --run-syncdb}), so a program
 * that calls it at every start runs again on the same database.
 */
class CreateTablesTest extends BehaviourTest {
    private static final Class<?>[] MODELS = {Writer.class, Publisher.class, Tag.class, Novel.class};

    @Override
    protected List<Class<?>> models() {
        return List.of(MODELS);
    }

    @Test
    void runningItAgainCreatesNothingAndKeepsTheRows() {
        Novel dune = Novel.by(Writer.named("Frank Herbert"), "Dune", 412);
        dune.tags.add(Tag.named("sf"));
        Set<String> before = schema();

        try (QueryCapture queries = QueryCapture.start()) {
            Djorm.connection().createTables(MODELS);
            Djorm.connection().createTables(MODELS);
            List<String> sql = queries.queries().stream().map(QueryCapture.CapturedQuery::sql).toList();
            assertThat(sql).as("the schema was read").anyMatch(s -> s.contains("sqlite_master"));
            assertThat(sql).noneMatch(s -> s.startsWith("CREATE"));
        }

        assertThat(schema()).isEqualTo(before);
        Novel again = Novel.objects().get("title", "Dune");
        assertThat(again.author.get().name).isEqualTo("Frank Herbert");
        assertThat(again.tags.all().valuesListFlat("name", String.class).list()).containsExactly("sf");
    }

    @Test
    void aMissingJoinTableOrIndexIsCreatedAndTheRestLeftAlone() {
        Novel.by(Writer.named("Ursula K. Le Guin"), "The Dispossessed", 387);
        Set<String> before = schema();
        String authorIndex = name("index", "shop_novel");
        String joinTable = name("table", "shop_novel_tags");
        Djorm.connection().execute("DROP TABLE \"" + joinTable + "\"");
        Djorm.connection().execute("DROP INDEX \"" + authorIndex + "\"");
        assertThat(schema()).doesNotContain("table " + joinTable, "index " + authorIndex);

        Djorm.connection().createTables(MODELS);

        assertThat(schema()).isEqualTo(before);
        Novel book = Novel.objects().get("title", "The Dispossessed");
        book.tags.add(Tag.named("utopia"));
        assertThat(book.tags.all().count()).isEqualTo(1);
    }

    /** Every table and index the database has, as "type name" (SQLite's automatic indexes included). */
    private static Set<String> schema() {
        Set<String> out = new TreeSet<>();
        var rows = Djorm.connection().query("SELECT type, name FROM sqlite_master WHERE type IN ('table', 'index') "
                + "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").rows();
        for (Object[] r : rows) out.add(r[0] + " " + r[1]);
        return out;
    }

    /** The first object of that type that djorm created for the table (not one of SQLite's automatic indexes). */
    private static String name(String type, String table) {
        var rows = Djorm.connection().query("SELECT name FROM sqlite_master WHERE type = ? AND tbl_name = ? "
                + "AND sql IS NOT NULL ORDER BY name", type, table).rows();
        assertThat(rows).as(type + " of " + table).isNotEmpty();
        return (String) rows.get(0)[0];
    }
}
