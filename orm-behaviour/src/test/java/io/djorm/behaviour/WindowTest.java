package io.djorm.behaviour;

import static io.djorm.behaviour.ShelfData.lists;
import static io.djorm.behaviour.ShelfData.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.behaviour.shop.Author;
import io.djorm.behaviour.shop.Book;
import io.djorm.core.FieldError;
import io.djorm.core.NotSupportedError;
import io.djorm.core.expressions.DenseRank;
import io.djorm.core.expressions.Lag;
import io.djorm.core.expressions.Lead;
import io.djorm.core.expressions.Rank;
import io.djorm.core.expressions.RowNumber;
import io.djorm.core.expressions.Sum;
import io.djorm.core.expressions.Window;
import io.djorm.sqlite.SqliteDialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 4, point 6: window functions. ROW_NUMBER, RANK (rewritten portably with COUNT windows) and
 * aggregates over windows run everywhere; DENSE_RANK, LAG and LEAD need an engine that has them.
 */
class WindowTest extends BehaviourTest {

    @Override
    protected List<Class<?>> models() {
        return List.of(Author.class, Book.class);
    }

    @Test
    void rowNumberRankAndRunningSumPerPartition() {
        ShelfData.seed();
        var orm = Book.objects()
                .annotate("rowNo", new Window(new RowNumber()).partitionBy("format").orderBy("-pages", "title"))
                .annotate("rank", new Window(new Rank()).partitionBy("format").orderBy("-pages"))
                .annotate("overallRank", new Window(new Rank()).orderBy("pages"))
                .annotate("running", new Window(new Sum("pages")).partitionBy("format").orderBy("pages"))
                .annotate("formatTotal", new Window(new Sum("pages")).partitionBy("format"))
                .orderBy("title").valuesList("title", "rowNo", "rank", "overallRank", "running", "formatTotal");
        // The expected ranks by their definition (1 + rows strictly before), so that the check needs no RANK().
        assertThat(lists(orm)).isEqualTo(sql("SELECT b.title, "
                + "ROW_NUMBER() OVER (PARTITION BY b.format ORDER BY b.pages DESC, b.title ASC), "
                + "(SELECT COUNT(*) + 1 FROM shop_book u WHERE u.format = b.format AND u.pages > b.pages), "
                + "(SELECT COUNT(*) + 1 FROM shop_book u WHERE u.pages < b.pages), "
                + "(SELECT SUM(u.pages) FROM shop_book u WHERE u.format = b.format AND u.pages <= b.pages), "
                + "(SELECT SUM(u.pages) FROM shop_book u WHERE u.format = b.format) "
                + "FROM shop_book b ORDER BY b.title"));
    }

    @Test
    void denseRankLagAndLeadWhereTheEngineHasThem() {
        ShelfData.seed();
        var orm = Book.objects()
                .annotate("dense", new Window(new DenseRank()).orderBy("-pages"))
                .annotate("previous", new Window(new Lag("title")).orderBy("pages", "title"))
                .annotate("next", new Window(new Lead("pages", 1, 0)).orderBy("pages", "title"))
                .orderBy("title").valuesList("title", "dense", "previous", "next");
        List<List<Object>> rows;
        try {
            rows = lists(orm);
        } catch (NotSupportedError e) {
            // A server that lacks these functions (asked once, as tursodb) refuses by name, before sending.
            assertThat(runsOnAServer()).as("only a server may lack DENSE_RANK: " + e.getMessage()).isTrue();
            assertThat(e).hasMessageContaining("DENSE_RANK()").hasMessageContaining("server");
            return;
        }
        // The expected values by definition, in SQL every engine runs (the check needs no window function).
        assertThat(rows).isEqualTo(sql("SELECT b.title, "
                + "(SELECT COUNT(DISTINCT u.pages) + 1 FROM shop_book u WHERE u.pages > b.pages), "
                + "(SELECT u.title FROM shop_book u WHERE u.pages < b.pages OR (u.pages = b.pages AND u.title < b.title) "
                + "ORDER BY u.pages DESC, u.title DESC LIMIT 1), "
                + "COALESCE((SELECT u.pages FROM shop_book u WHERE u.pages > b.pages OR (u.pages = b.pages AND u.title > b.title) "
                + "ORDER BY u.pages ASC, u.title ASC LIMIT 1), 0) "
                + "FROM shop_book b ORDER BY b.title"));
    }

    @Test
    void theTursoServerDialectNamesWhatItLacks() {
        var dialect = SqliteDialect.forTursoServer();
        for (String f : List.of("DENSE_RANK", "LAG", "LEAD")) {
            assertThatThrownBy(() -> dialect.function(f, List.of("x"))).isInstanceOf(NotSupportedError.class)
                    .hasMessageContaining("libsql-remote (tursodb server)").hasMessageContaining(f + "()");
        }
        assertThat(dialect.function("ROW_NUMBER", List.of())).isEqualTo("ROW_NUMBER()");
    }

    @Test
    void windowMisuseIsRefusedBeforeSql() {
        assertThatThrownBy(() -> Book.objects().annotate("n", new RowNumber())).isInstanceOf(FieldError.class)
                .hasMessageContaining("wrap it in new Window");
        assertThatThrownBy(() -> Book.objects().annotate("n", new Window(new RowNumber()).orderBy("pages")).filter("n", 1))
                .isInstanceOf(NotSupportedError.class).hasMessageContaining("window");
    }
}
