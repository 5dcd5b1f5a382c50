package io.djorm.docs.snippets;

import static io.djorm.core.expressions.F.F;
import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.CloseableIterator;
import io.djorm.core.DeleteResult;
import io.djorm.core.DoesNotExist;
import io.djorm.core.GetOrCreate;
import io.djorm.core.Q;
import io.djorm.core.QuerySet;
import io.djorm.docs.shop.Book;
import io.djorm.docs.shop.Tag;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The snippets of docs/queries.md. */
class QueriesSnippetsTest extends ShopTest {

    private static List<String> titles(Iterable<Book> books) {
        List<String> out = new ArrayList<>();
        books.forEach(b -> out.add(b.title));
        return out;
    }

    @Test
    void filterExcludeAndLookups() {
        // region queries-filter
        QuerySet<Book> longBooks = Book.objects().filter("pages__gte", 400);          // lazy: no SQL yet
        QuerySet<Book> cheapLong = longBooks.filter("price__lt", new BigDecimal("10")); // a new queryset
        QuerySet<Book> notDune = Book.objects().exclude("title__icontains", "dune");
        List<Book> rows = cheapLong.list();                                             // one SELECT
        // endregion queries-filter
        assertThat(titles(rows)).containsExactly("Dune");
        assertThat(titles(notDune)).containsExactly("A Wizard of Earthsea", "The Dispossessed");
        assertThat(titles(longBooks)).containsExactly("Children of Dune", "Dune");

        // region queries-lookups
        Book.objects().filter("title__istartswith", "the");                 // LIKE 'the%' ESCAPE, any case
        Book.objects().filter("pages__range", List.of(300, 420));           // BETWEEN 300 AND 420
        Book.objects().filter("published__year__lt", 1970);                 // a transform, then a lookup
        Book.objects().filter("publisher__isnull", true);
        Book.objects().filter("title__in", List.of("Dune", "Emma"));
        Book.objects().filter("author__name__contains", "Le Guin");          // across a foreign key: a JOIN
        // endregion queries-lookups
        assertThat(titles(Book.objects().filter("title__istartswith", "the"))).containsExactly("The Dispossessed");
        assertThat(titles(Book.objects().filter("pages__range", List.of(300, 420)))).containsExactly("Dune", "The Dispossessed");
        assertThat(titles(Book.objects().filter("published__year__lt", 1970))).containsExactly("A Wizard of Earthsea", "Dune");
        assertThat(Book.objects().filter("publisher__isnull", true).count()).isEqualTo(2);
        assertThat(titles(Book.objects().filter("title__in", List.of("Dune", "Emma")))).containsExactly("Dune");
        assertThat(Book.objects().filter("author__name__contains", "Le Guin").count()).isEqualTo(2);
    }

    @Test
    void qObjects() {
        // region queries-q
        Q cheap = Q.of("price__lt", new BigDecimal("10"));
        Q old = Q.of("published__year__lt", 1966);
        List<Book> books = Book.objects()
                .filter(cheap.or(old).and(Q.not(Q.of("title__startswith", "A"))))
                .list();
        // endregion queries-q
        assertThat(titles(books)).containsExactly("Dune");
    }

    @Test
    void orderingSlicingAndSingleRows() {
        // region queries-order-slice
        List<Book> longestTwo = Book.objects().orderBy("-pages", "title").limit(2).list();   // LIMIT 2
        List<Book> nextTwo = Book.objects().orderBy("-pages").slice(2, 4).list();           // LIMIT 2 OFFSET 2
        Optional<Book> shortest = Book.objects().orderBy("pages").first();
        // endregion queries-order-slice
        assertThat(titles(longestTwo)).containsExactly("Children of Dune", "Dune");
        assertThat(titles(nextTwo)).containsExactly("The Dispossessed", "A Wizard of Earthsea");
        assertThat(shortest.orElseThrow().title).isEqualTo("A Wizard of Earthsea");

        // region queries-get
        Book dune = Book.objects().get("title", "Dune");
        String outcome;
        try {
            Book.objects().get("title", "Emma");
            outcome = "found";
        } catch (DoesNotExist e) {                     // also MultipleObjectsReturned for 2+ rows
            outcome = e.getMessage();
        }
        // endregion queries-get
        assertThat(dune.pages).isEqualTo(412);
        assertThat(outcome).isEqualTo("Book matching query does not exist.");
    }

    @Test
    void valuesAndCounts() {
        // region queries-values
        List<Map<String, Object>> maps = Book.objects().filter("pages__gt", 400).values("title", "pages").list();
        List<String> titles = Book.objects().valuesListFlat("title", String.class).list();
        long count = Book.objects().filter("author__name", "Frank Herbert").count();   // SELECT COUNT(*)
        boolean any = Book.objects().filter("pages__gt", 1000).exists();
        // endregion queries-values
        assertThat(maps).containsExactly(Map.of("title", "Children of Dune", "pages", 444), Map.of("title", "Dune", "pages", 412));
        assertThat(titles).containsExactly("A Wizard of Earthsea", "Children of Dune", "Dune", "The Dispossessed");
        assertThat(count).isEqualTo(2);
        assertThat(any).isFalse();
    }

    @Test
    void writes() {
        // region queries-writes
        Tag fantasy = Tag.objects().create("name", "fantasy");
        GetOrCreate<Tag> sf = Tag.objects().getOrCreate(Map.of("name", "sf"));            // sf.created() is false
        long raised = Book.objects().filter("pages__gt", 400)
                .update("price", F("price").plus(1));                                     // one UPDATE, in SQL
        DeleteResult deleted = Tag.objects().filter("name", "fantasy").delete();
        // endregion queries-writes
        assertThat(fantasy.pk()).isNotNull();
        assertThat(sf.created()).isFalse();
        assertThat(raised).isEqualTo(2);
        assertThat(Book.objects().get("title", "Dune").price).isEqualByComparingTo("10.99");
        assertThat(deleted.total()).isEqualTo(1);

        // region queries-bulk
        List<Tag> tags = new ArrayList<>();
        for (String name : List.of("space", "desert", "ocean")) {
            Tag t = new Tag();
            t.name = name;
            tags.add(t);
        }
        Tag.objects().bulkCreate(tags);              // one INSERT; every tag gets its primary key
        // endregion queries-bulk
        assertThat(tags).allSatisfy(t -> assertThat(t.pk()).isNotNull());
    }

    @Test
    void chunkedIteration() {
        // region queries-iterator
        List<String> seen = new ArrayList<>();
        try (CloseableIterator<Book> books = Book.objects().orderBy("title").iterator(500)) {
            while (books.hasNext()) {
                seen.add(books.next().title);          // rows arrive 500 at a time; memory stays flat
            }
        }
        // endregion queries-iterator
        assertThat(seen).hasSize(4);
    }
}
