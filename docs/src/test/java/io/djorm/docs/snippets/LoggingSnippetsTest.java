package io.djorm.docs.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.Djorm;
import io.djorm.core.QueryCapture;
import io.djorm.docs.shop.Book;
import org.junit.jupiter.api.Test;

/** The snippets of docs/logging.md. */
class LoggingSnippetsTest extends ShopTest {

    @Test
    void captureTheStatementsOfABlock() {
        // region logging-query-capture
        int statements;
        try (QueryCapture queries = QueryCapture.start()) {          // Django: CaptureQueriesContext
            for (Book b : Book.objects().selectRelated("author")) {
                System.out.println(b.title + " by " + b.author.get().name);
            }
            statements = queries.count();                            // 1: the JOIN fetched the authors
            for (QueryCapture.CapturedQuery q : queries.queries()) {
                System.out.println(q.micros() + " µs " + q.sql() + " " + q.params());
            }
        }
        // endregion logging-query-capture
        assertThat(statements).isEqualTo(1);
        try (QueryCapture queries = QueryCapture.start()) {
            Book.objects().filter("pages__gt", 400).count();
            Djorm.connection().execute("UPDATE shop_book SET pages = pages WHERE id = ?", 1);
            assertThat(queries.count()).isEqualTo(2);
            assertThat(queries.queries().get(0).sql()).startsWith("SELECT COUNT(*)");
            assertThat(queries.queries().get(0).params()).containsExactly(400L);
            assertThat(queries.queries().get(1).params()).containsExactly(1);
        }
    }
}
