package io.djorm.docs.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.Prefetch;
import io.djorm.core.QueryCapture;
import io.djorm.docs.shop.Author;
import io.djorm.docs.shop.Book;
import io.djorm.docs.shop.Tag;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The snippets of docs/relations.md. */
class RelationsSnippetsTest extends ShopTest {

    @Test
    void foreignKeys() {
        // region relations-fk
        Author leGuin = Author.objects().get("name", "Ursula K. Le Guin");
        Book lathe = new Book();
        lathe.title = "The Lathe of Heaven";
        lathe.price = new BigDecimal("9.50");
        lathe.author.set(leGuin);               // or lathe.author.setId(leGuin.pk())
        lathe.save();

        Book again = Book.objects().get("title", "The Lathe of Heaven");
        Object authorId = again.author.id();    // the raw key: no query
        String name = again.author.get().name;  // loads the author once, then caches it
        // endregion relations-fk
        assertThat(authorId).isEqualTo(leGuin.pk());
        assertThat(name).isEqualTo("Ursula K. Le Guin");
    }

    @Test
    void reverseManagers() {
        // region relations-reverse
        Author leGuin = Author.objects().get("name", "Ursula K. Le Guin");
        long hers = leGuin.books().count();                              // SELECT COUNT(*) ... WHERE author_id = ?
        List<Book> longOnes = leGuin.books().filter("pages__gt", 300).list();
        Book created = leGuin.books().create("title", "Tehanu", "price", new BigDecimal("7.99"));
        // endregion relations-reverse
        assertThat(hers).isEqualTo(2);
        assertThat(longOnes).extracting(b -> b.title).containsExactly("The Dispossessed");
        assertThat(created.author.id()).isEqualTo(leGuin.pk());
    }

    @Test
    void manyToMany() {
        // region relations-m2m
        Book dune = Book.objects().get("title", "Dune");
        Tag desert = Tag.objects().create("name", "desert");
        dune.tags.add(desert);                                   // a row in the automatic link table
        List<String> tags = dune.tags.all().orderBy("name").valuesListFlat("name", String.class).list();
        long sfBooks = Tag.objects().get("name", "sf").books().count();
        dune.tags.remove(desert);
        // endregion relations-m2m
        assertThat(tags).containsExactly("classic", "desert", "sf");
        assertThat(sfBooks).isEqualTo(4);
        assertThat(dune.tags.count()).isEqualTo(2);

        // region relations-across
        List<Book> classics = Book.objects().filter("tags__name", "classic").list();
        List<Author> withLongBooks = Author.objects().filter("books__pages__gt", 400).distinct().list();
        // endregion relations-across
        assertThat(classics).extracting(b -> b.title).containsExactly("A Wizard of Earthsea", "Dune");
        assertThat(withLongBooks).extracting(a -> a.name).containsExactly("Frank Herbert");
    }

    @Test
    void selectAndPrefetchRelated() {
        int queries;
        List<String> selected;
        try (QueryCapture capture = QueryCapture.start()) {
            // region relations-select-related
            List<String> lines = new ArrayList<>();
            for (Book b : Book.objects().selectRelated("author")) {          // one SELECT with a JOIN
                lines.add(b.title + " by " + b.author.get().name);           // no further query
            }
            // endregion relations-select-related
            queries = capture.count();
            selected = lines;
        }
        assertThat(queries).isEqualTo(1);
        assertThat(selected).hasSize(4).contains("Dune by Frank Herbert");

        try (QueryCapture capture = QueryCapture.start()) {
            // region relations-prefetch
            List<String> lines = new ArrayList<>();
            for (Author a : Author.objects().orderBy("name").prefetchRelated("books__tags")) {
                for (Book b : a.books().all()) {                   // served from the prefetch cache
                    List<String> tags = new ArrayList<>();
                    for (Tag t : b.tags.all()) tags.add(t.name);   // so is this
                    lines.add(a.name + ": " + b.title + " " + tags);
                }
            }
            // endregion relations-prefetch
            queries = capture.count();
            selected = lines;
        }
        assertThat(queries).isEqualTo(3);
        assertThat(selected).contains("Frank Herbert: Dune [sf, classic]");

        // region relations-prefetch-object
        List<Author> authors = Author.objects()
                .prefetchRelated(new Prefetch("books", Book.objects().filter("pages__gt", 400)))
                .list();
        // endregion relations-prefetch-object
        assertThat(authors).hasSize(2);

        // region relations-prefetch-to-attr
        Author herbert = Author.objects()
                .prefetchRelated(new Prefetch("books", Book.objects().filter("pages__gt", 420), "longBooks"))
                .get("name", "Frank Herbert");
        List<Book> longBooks = herbert.prefetched("longBooks");   // Django: herbert.long_books
        long allBooks = herbert.books().count();                   // the manager still sees every book
        // endregion relations-prefetch-to-attr
        assertThat(longBooks).extracting(b -> b.title).containsExactly("Children of Dune");
        assertThat(allBooks).isEqualTo(2);
    }

    @Test
    void deletesCascade() {
        // region relations-cascade
        Author herbert = Author.objects().get("name", "Frank Herbert");
        var result = herbert.delete();                 // on_delete=CASCADE removes his books and their tag links
        // endregion relations-cascade
        assertThat(result.perModel()).containsEntry("shop.Author", 1L).containsEntry("shop.Book", 2L);
        assertThat(Book.objects().count()).isEqualTo(2);
    }
}
