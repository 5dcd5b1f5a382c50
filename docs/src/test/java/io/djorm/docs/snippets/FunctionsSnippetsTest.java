package io.djorm.docs.snippets;

import static io.djorm.core.expressions.F.F;
import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.Q;
import io.djorm.core.expressions.Count;
import io.djorm.core.expressions.CumeDist;
import io.djorm.core.expressions.Exists;
import io.djorm.core.expressions.FirstValue;
import io.djorm.core.expressions.LPad;
import io.djorm.core.expressions.Left;
import io.djorm.core.expressions.Log;
import io.djorm.core.expressions.Ntile;
import io.djorm.core.expressions.OuterRef;
import io.djorm.core.expressions.Reverse;
import io.djorm.core.expressions.RowRange;
import io.djorm.core.expressions.Sqrt;
import io.djorm.core.expressions.StrIndex;
import io.djorm.core.expressions.Sum;
import io.djorm.core.expressions.TruncMonth;
import io.djorm.core.expressions.TruncYear;
import io.djorm.core.expressions.Value;
import io.djorm.core.expressions.Window;
import io.djorm.docs.shop.Author;
import io.djorm.docs.shop.Book;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The snippets of docs/expressions.md on text and math functions, Trunc, conditions and window frames. */
class FunctionsSnippetsTest extends ShopTest {

    @Test
    void textAndMathFunctions() {
        // region expressions-functions-text-math
        List<List<Object>> rows = Book.objects()
                .filter("title__startswith", "Dune")
                .annotate("start", new Left("title", 2))                      // Django: Left
                .annotate("padded", new LPad("title", 6, Value.of("*")))      // Django: LPad
                .annotate("backwards", new Reverse("title"))                  // Django: Reverse
                .annotate("at", new StrIndex("title", Value.of("ne")))        // Django: StrIndex, 1-based
                .annotate("root", new Sqrt("pages"))                          // Django: Sqrt, a Double
                .annotate("digits", new Log(10, "pages"))                     // Django: Log(base, x)
                .valuesList("start", "padded", "backwards", "at", "root", "digits")
                .list();
        // [["Du", "**Dune", "enuD", 3, 20.29..., 2.61...]]
        // endregion expressions-functions-text-math
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).subList(0, 4)).containsExactly("Du", "**Dune", "enuD", 3L);
        assertThat((Double) rows.get(0).get(4)).isCloseTo(Math.sqrt(412), org.assertj.core.api.Assertions.within(1e-9));
        assertThat((Double) rows.get(0).get(5)).isCloseTo(Math.log10(412), org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void truncation() {
        // region expressions-trunc
        List<Map<String, Object>> perYear = Book.objects()
                .annotate("year", new TruncYear("published"))      // Django: TruncYear; a LocalDate
                .values("year")
                .annotate("books", new Count("id"))
                .orderBy("year")
                .list();
        List<Book> january1965 = Book.objects()
                .annotate("month", new TruncMonth("published"))    // as a lookup's left side
                .filter("month", LocalDate.of(1965, 1, 1))
                .list();
        // endregion expressions-trunc
        assertThat(perYear).hasSize(4).first().isEqualTo(Map.of("year", LocalDate.of(1965, 1, 1), "books", 1L));
        assertThat(january1965).extracting(b -> b.title).containsExactly("Dune");
    }

    @Test
    void conditions() {
        // region expressions-conditions
        var cheap = new Exists(Book.objects().filter("author", OuterRef.of("pk"), "price__lt", 9));
        List<Author> cheapOrProlific = Author.objects()
                .annotate("bookCount", new Count("books"))
                .filter(Q.of(cheap).or(Q.of("bookCount__gte", 3)))       // Django: Q(Exists(...)) | Q(...)
                .list();
        List<Author> neverCheap = Author.objects().filter(cheap.negate()).list();   // Django: ~Exists(...)
        List<Book> longestFirst = Book.objects().orderBy(F("pages").neg()).list();  // Django: -F("pages")
        List<Object> decades = Book.objects()
                .annotate("decade", F("published__year").div(10).times(10))      // Django: F("published__year")
                .orderBy("decade").valuesListFlat("decade").list();
        // endregion expressions-conditions
        assertThat(cheapOrProlific).extracting(a -> a.name).containsExactly("Ursula K. Le Guin");
        assertThat(neverCheap).extracting(a -> a.name).containsExactly("Frank Herbert");
        assertThat(longestFirst.get(0).title).isEqualTo("Children of Dune");
        assertThat(decades).containsExactly(1960, 1960, 1970, 1970);
        // A transform after a relation path, from the reverse side of the foreign key.
        assertThat(Author.objects().annotate("firstYear", new io.djorm.core.expressions.Min(F("books__published__year")))
                .orderBy("name").valuesListFlat("firstYear").list()).containsExactly(1965, 1968);
    }

    @Test
    void windowFrames() {
        // region expressions-window-frames
        List<List<Object>> windows = Book.objects()
                .annotate("half", new Window(new Ntile(2)).orderBy("pages"))                 // Django: Ntile
                .annotate("share", new Window(new CumeDist()).orderBy("pages"))              // Django: CumeDist
                .annotate("shortest", new Window(new FirstValue("title")).orderBy("pages"))  // Django: FirstValue
                .annotate("lastTwo", new Window(new Sum("pages")).orderBy("pages")
                        .frame(new RowRange(-1, 0)))                                         // Django: RowRange(start=-1, end=0)
                .orderBy("pages")
                .valuesList("title", "half", "share", "shortest", "lastTwo")
                .list();
        // endregion expressions-window-frames
        assertThat(windows.get(0)).containsExactly("A Wizard of Earthsea", 1L, 0.25, "A Wizard of Earthsea", 183L);
        assertThat(windows.get(3)).containsExactly("Children of Dune", 2L, 1.0, "A Wizard of Earthsea", 856L);
    }
}
