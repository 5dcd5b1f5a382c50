package io.djorm.docs.snippets;

import static io.djorm.core.expressions.F.F;
import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.Q;
import io.djorm.core.expressions.Avg;
import io.djorm.core.expressions.Case;
import io.djorm.core.expressions.Count;
import io.djorm.core.expressions.Exists;
import io.djorm.core.expressions.Lower;
import io.djorm.core.expressions.Max;
import io.djorm.core.expressions.OuterRef;
import io.djorm.core.expressions.Rank;
import io.djorm.core.expressions.Subquery;
import io.djorm.core.expressions.Sum;
import io.djorm.core.expressions.Value;
import io.djorm.core.expressions.When;
import io.djorm.core.expressions.Window;
import io.djorm.docs.shop.Author;
import io.djorm.docs.shop.Book;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The snippets of docs/expressions.md. */
class ExpressionsSnippetsTest extends ShopTest {

    @Test
    void fExpressions() {
        // region expressions-f
        List<Book> pricey = Book.objects().filter("price__gt", F("pages").div(40)).list();   // compare two columns
        Book.objects().all().update("pages", F("pages").plus(8));                             // pages = pages + 8, in SQL
        List<Book> byValue = Book.objects().orderBy(F("price").div(F("pages")).desc()).list();
        // endregion expressions-f
        assertThat(pricey).extracting(b -> b.title).containsExactly("A Wizard of Earthsea", "The Dispossessed");
        assertThat(Book.objects().get("title", "Dune").pages).isEqualTo(420);
        assertThat(byValue.get(0).title).isEqualTo("A Wizard of Earthsea");
    }

    @Test
    void aggregateAndAnnotate() {
        // region expressions-aggregate
        Map<String, Object> stats = Book.objects().aggregate(
                "books", new Count("id"), "pages", new Sum("pages"), "longest", new Max("pages"));
        // {books=4, pages=1426, longest=444}
        // endregion expressions-aggregate
        assertThat(stats).containsEntry("books", 4L).containsEntry("pages", 1426L).containsEntry("longest", 444);

        // region expressions-annotate
        List<Author> authors = Author.objects()
                .annotate("bookCount", new Count("books"))
                .annotate("avgPages", new Avg("books__pages"))
                .filter("bookCount__gte", 2)
                .orderBy("-avgPages")
                .list();
        for (Author a : authors) {
            System.out.println(a.name + ": " + a.annotation("bookCount") + " books, " + a.annotation("avgPages") + " pages");
        }
        // endregion expressions-annotate
        assertThat(authors).extracting(a -> a.name).containsExactly("Frank Herbert", "Ursula K. Le Guin");
        assertThat(authors.get(0).annotation("bookCount")).isEqualTo(2L);
        assertThat(((Number) authors.get(0).annotation("avgPages")).doubleValue()).isEqualTo(428.0);

        // region expressions-values-group
        List<Map<String, Object>> perAuthor = Book.objects()
                .values("author__name")                       // GROUP BY the author's name
                .annotate("totalPages", new Sum("pages"))
                .orderBy("author__name")
                .list();
        // endregion expressions-values-group
        assertThat(perAuthor).containsExactly(
                Map.of("author__name", "Frank Herbert", "totalPages", 856L),
                Map.of("author__name", "Ursula K. Le Guin", "totalPages", 570L));
    }

    @Test
    void conditionalExpressions() {
        // region expressions-case
        var size = new Case(
                new When(Q.of("pages__gte", 400), Value.of("long")),
                new When("pages__lt", 200, Value.of("short")))
                .otherwise(Value.of("medium"));
        List<Map<String, Object>> sized = Book.objects()
                .annotate("size", size)
                .annotate("lowerTitle", new Lower("title"))
                .values("lowerTitle", "size")
                .list();
        // endregion expressions-case
        assertThat(sized).contains(Map.of("lowerTitle", "dune", "size", "long"),
                Map.of("lowerTitle", "a wizard of earthsea", "size", "short"),
                Map.of("lowerTitle", "the dispossessed", "size", "medium"));
    }

    @Test
    void subqueries() {
        // region expressions-subquery
        var newest = Book.objects().filter("author", OuterRef.of("pk"))
                .orderBy("-published").values("title").limit(1);
        List<Map<String, Object>> latest = Author.objects()
                .annotate("latestBook", new Subquery(newest))
                .values("name", "latestBook")
                .orderBy("name")
                .list();

        var hasCheap = Book.objects().filter("author", OuterRef.of("pk"), "price__lt", 9);
        List<Author> withCheapBooks = Author.objects().filter(new Exists(hasCheap)).list();
        // endregion expressions-subquery
        assertThat(latest).containsExactly(
                Map.of("name", "Frank Herbert", "latestBook", "Children of Dune"),
                Map.of("name", "Ursula K. Le Guin", "latestBook", "The Dispossessed"));
        assertThat(withCheapBooks).extracting(a -> a.name).containsExactly("Ursula K. Le Guin");
    }

    @Test
    void windowFunctions() {
        // region expressions-window
        List<List<Object>> ranked = Book.objects()
                .annotate("rankInAuthor", new Window(new Rank())
                        .partitionBy("author")
                        .orderBy(F("pages").desc()))
                .orderBy("author__name", "rankInAuthor")
                .valuesList("title", "rankInAuthor")
                .list();
        // endregion expressions-window
        assertThat(ranked).containsExactly(List.of("Children of Dune", 1L), List.of("Dune", 2L),
                List.of("The Dispossessed", 1L), List.of("A Wizard of Earthsea", 2L));
    }
}
