package io.djorm.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.djorm.behaviour.shop.Author;
import io.djorm.behaviour.shop.Book;
import io.djorm.core.FieldError;
import io.djorm.core.QuerySet;
import io.djorm.core.expressions.CumeDist;
import io.djorm.core.expressions.FirstValue;
import io.djorm.core.expressions.LastValue;
import io.djorm.core.expressions.NthValue;
import io.djorm.core.expressions.Ntile;
import io.djorm.core.expressions.PercentRank;
import io.djorm.core.expressions.Rank;
import io.djorm.core.expressions.RowRange;
import io.djorm.core.expressions.Sum;
import io.djorm.core.expressions.ValueRange;
import io.djorm.core.expressions.Window;
import io.djorm.sqlite.SqliteDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, section 3: Ntile, PercentRank and CumeDist (rewritten portably: the same answer on every
 * backend), FirstValue, LastValue and NthValue, and window frames (RowRange, ValueRange), which need
 * the engine's own support. The shelf: paperbacks Beloved 324, Walden 352, Dune 412, Ivanhoe 412
 * pages; hardcovers Emma 474, Ulysses 730, Middlemarch 880.
 */
class WindowFramesTest extends BehaviourTest {

    @Override
    protected List<Class<?>> models() {
        return List.of(Author.class, Book.class);
    }

    /** Title → value, in title order (each row's value read from valuesList). */
    private static Map<String, Object> byTitle(io.djorm.core.expressions.Expression e) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (List<Object> row : Book.objects().annotate("w", e).orderBy("title").valuesList("title", "w")) {
            out.put((String) row.get(0), row.get(1));
        }
        return out;
    }

    private static void assertDoubles(Map<String, Object> actual, Map<String, Double> expected) {
        assertThat(actual).containsOnlyKeys(expected.keySet());
        expected.forEach((title, v) -> assertThat((Double) actual.get(title)).as(title).isCloseTo(v, within(1e-9)));
    }

    @Test
    void cumeDistAndPercentRankPerPartition() {
        ShelfData.seed();
        assertDoubles(byTitle(new Window(new CumeDist()).partitionBy("format").orderBy("pages")), Map.of(
                "Beloved", 0.25, "Walden", 0.5, "Dune", 1.0, "Ivanhoe", 1.0,
                "Emma", 1 / 3.0, "Ulysses", 2 / 3.0, "Middlemarch", 1.0));
        assertDoubles(byTitle(new Window(new PercentRank()).partitionBy("format").orderBy("pages")), Map.of(
                "Beloved", 0.0, "Walden", 1 / 3.0, "Dune", 2 / 3.0, "Ivanhoe", 2 / 3.0,
                "Emma", 0.0, "Ulysses", 0.5, "Middlemarch", 1.0));
        // One row per partition: percent rank 0, cume dist 1.
        assertDoubles(byTitle(new Window(new PercentRank()).partitionBy("title").orderBy("pages")), Map.of(
                "Beloved", 0.0, "Walden", 0.0, "Dune", 0.0, "Ivanhoe", 0.0, "Emma", 0.0, "Ulysses", 0.0, "Middlemarch", 0.0));
        assertThat(byTitle(new Window(new CumeDist()).orderBy("-pages")).get("Middlemarch")).isEqualTo(1 / 7.0);
    }

    @Test
    void ntileSplitsPartitionsWithTheLargerBucketsFirst() {
        ShelfData.seed();
        assertThat(byTitle(new Window(new Ntile(3)).orderBy("pages", "title"))).isEqualTo(Map.of(
                "Beloved", 1L, "Walden", 1L, "Dune", 1L, "Ivanhoe", 2L, "Emma", 2L, "Ulysses", 3L, "Middlemarch", 3L));
        assertThat(byTitle(new Window(new Ntile(3)).partitionBy("format").orderBy("pages", "title"))).isEqualTo(Map.of(
                "Beloved", 1L, "Walden", 1L, "Dune", 2L, "Ivanhoe", 3L, "Emma", 1L, "Ulysses", 2L, "Middlemarch", 3L));
        assertThat(byTitle(new Window(new Ntile(5)).partitionBy("format").orderBy("pages", "title"))).isEqualTo(Map.of(
                "Beloved", 1L, "Walden", 2L, "Dune", 3L, "Ivanhoe", 4L, "Emma", 1L, "Ulysses", 2L, "Middlemarch", 3L));
        assertThat(byTitle(new Window(new Ntile()).orderBy("pages")).values()).containsOnly(1L);
    }

    @Test
    void rankingFunctionsIgnoreAFrameAsSqlDoes() {
        ShelfData.seed();
        var framed = new Window(new Rank()).orderBy("pages").frame(new RowRange(-1, 0));
        assertThat(byTitle(framed)).isEqualTo(byTitle(new Window(new Rank()).orderBy("pages")));
        assertThat(byTitle(new Window(new Ntile(2)).orderBy("pages", "title").frame(new ValueRange(0, 0))).get("Walden"))
                .isEqualTo(1L);
    }

    /**
     * FirstValue, LastValue, NthValue and frames need the engine: SQLite files have them; the tursodb
     * test server has not, and refuses them before sending, naming which function or clause is missing.
     */
    private void check(QuerySet<List<Object>> qs, String missing, List<List<Object>> expected) {
        List<List<Object>> rows = new ArrayList<>();
        try {
            for (List<Object> row : qs) rows.add(row);
        } catch (io.djorm.core.NotSupportedError lacking) {
            // A server that lacks the function or frames (asked once, as tursodb) refuses before sending.
            assertThat(runsOnAServer()).as("only a server may lack it: " + lacking.getMessage()).isTrue();
            assertThat(lacking.getMessage()).containsIgnoringCase(missing);
            return;
        }
        assertThat(rows).isEqualTo(expected);
    }

    private static QuerySet<List<Object>> titled(io.djorm.core.expressions.Expression e) {
        return Book.objects().annotate("w", e).orderBy("title").valuesList("title", "w");
    }

    @Test
    void firstLastAndNthValue() {
        ShelfData.seed();
        check(titled(new Window(new FirstValue("title")).partitionBy("format").orderBy("pages", "title")), "first_value",
                List.of(List.of("Beloved", "Beloved"), List.of("Dune", "Beloved"), List.of("Emma", "Emma"),
                        List.of("Ivanhoe", "Beloved"), List.of("Middlemarch", "Emma"), List.of("Ulysses", "Emma"),
                        List.of("Walden", "Beloved")));
        check(titled(new Window(new LastValue("pages")).partitionBy("format").orderBy("pages", "title")
                .frame(new RowRange(null, null))), "last_value",
                List.of(List.of("Beloved", 412), List.of("Dune", 412), List.of("Emma", 880), List.of("Ivanhoe", 412),
                        List.of("Middlemarch", 880), List.of("Ulysses", 880), List.of("Walden", 412)));
        check(titled(new Window(new NthValue("title", 2)).partitionBy("format").orderBy("pages", "title")), "nth_value",
                List.of(java.util.Arrays.asList("Beloved", null), List.of("Dune", "Walden"), java.util.Arrays.asList("Emma", null),
                        List.of("Ivanhoe", "Walden"), List.of("Middlemarch", "Ulysses"), List.of("Ulysses", "Ulysses"),
                        List.of("Walden", "Walden")));
    }

    @Test
    void rowAndValueFramesOfAnAggregate() {
        ShelfData.seed();
        check(titled(new Window(new Sum("pages")).orderBy("pages", "title").frame(new RowRange(-1, 0))), "frame",
                List.of(List.of("Beloved", 324L), List.of("Dune", 764L), List.of("Emma", 886L), List.of("Ivanhoe", 824L),
                        List.of("Middlemarch", 1610L), List.of("Ulysses", 1204L), List.of("Walden", 676L)));
        check(titled(new Window(new Sum("pages")).orderBy("pages").frame(new ValueRange(-100, 0))), "frame",
                List.of(List.of("Beloved", 324L), List.of("Dune", 1500L), List.of("Emma", 1298L), List.of("Ivanhoe", 1500L),
                        List.of("Middlemarch", 880L), List.of("Ulysses", 730L), List.of("Walden", 676L)));
        check(titled(new Window(new Sum("pages")).partitionBy("format").frame(new RowRange(0, 1)).orderBy("pages", "title")),
                "frame", List.of(List.of("Beloved", 676L), List.of("Dune", 824L), List.of("Emma", 1204L),
                        List.of("Ivanhoe", 412L), List.of("Middlemarch", 880L), List.of("Ulysses", 1610L),
                        List.of("Walden", 764L)));
    }

    @Test
    void wrongArgumentsAreRefusedWhenBuilt() {
        assertThatThrownBy(() -> new Ntile(0)).isInstanceOf(FieldError.class).hasMessageContaining("greater than 0");
        assertThatThrownBy(() -> new NthValue("title", 0)).isInstanceOf(FieldError.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> new RowRange(1, 2)).isInstanceOf(FieldError.class).hasMessageContaining("start");
        assertThatThrownBy(() -> new ValueRange(0, -1)).isInstanceOf(FieldError.class).hasMessageContaining("end");
        assertThatThrownBy(() -> Book.objects().annotate("n", new CumeDist())).isInstanceOf(FieldError.class)
                .hasMessageContaining("wrap it in new Window");
    }

    @Test
    void theTursoServerDialectRefusesFramesBeforeSending() {
        var dialect = SqliteDialect.forTursoServer();
        assertThatThrownBy(() -> dialect.windowFrame("ROWS", "1 PRECEDING", "CURRENT ROW"))
                .isInstanceOf(io.djorm.core.NotSupportedError.class).hasMessageContaining("libsql-remote (tursodb server)")
                .hasMessageContaining("ROWS BETWEEN 1 PRECEDING AND CURRENT ROW");
        assertThat(new SqliteDialect().windowFrame("RANGE", "UNBOUNDED PRECEDING", "CURRENT ROW"))
                .isEqualTo("RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW");
    }
}
