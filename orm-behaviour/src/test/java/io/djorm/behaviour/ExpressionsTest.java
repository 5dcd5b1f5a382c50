package io.djorm.behaviour;

import static io.djorm.behaviour.ShelfData.lists;
import static io.djorm.behaviour.ShelfData.sql;
import static io.djorm.core.expressions.F.F;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.behaviour.shop.Author;
import io.djorm.behaviour.shop.Book;
import io.djorm.core.FieldError;
import io.djorm.core.Q;
import io.djorm.core.QueryCapture;
import io.djorm.core.expressions.Abs;
import io.djorm.core.expressions.Case;
import io.djorm.core.expressions.Cast;
import io.djorm.core.expressions.Coalesce;
import io.djorm.core.expressions.Concat;
import io.djorm.core.expressions.ExpressionWrapper;
import io.djorm.core.expressions.Extract;
import io.djorm.core.expressions.Greatest;
import io.djorm.core.expressions.Least;
import io.djorm.core.expressions.Length;
import io.djorm.core.expressions.Lower;
import io.djorm.core.expressions.Now;
import io.djorm.core.expressions.OuterRef;
import io.djorm.core.expressions.OutputFields;
import io.djorm.core.expressions.Replace;
import io.djorm.core.expressions.Round;
import io.djorm.core.expressions.Substr;
import io.djorm.core.expressions.Sum;
import io.djorm.core.expressions.Trim;
import io.djorm.core.expressions.TruncDate;
import io.djorm.core.expressions.Upper;
import io.djorm.core.expressions.Value;
import io.djorm.core.expressions.When;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 4, points 1 and 3: F arithmetic and database functions, checked against hand-written SQL. */
class ExpressionsTest extends BehaviourTest {

    @Override
    protected List<Class<?>> models() {
        return List.of(Author.class, Book.class);
    }

    @Test
    void arithmeticInFilterAnnotateAndOrderBy() {
        ShelfData.seed();
        var orm = Book.objects().filter("pages__gt", F("rating").times(100))
                .annotate("score", F("pages").times(2).plus(F("edition")))
                .orderBy(F("pages").minus(F("rating").times(10)).desc(), "title")
                .valuesList("title", "score");
        assertThat(lists(orm)).isEqualTo(sql("SELECT title, pages * 2 + edition FROM shop_book WHERE pages > rating * 100 "
                + "ORDER BY pages - rating * 10 DESC, title ASC"));
        assertThat(lists(orm)).hasSize(4);
    }

    @Test
    void arithmeticInUpdateIsOneStatement() {
        ShelfData.seed();
        List<List<Object>> expected = sql("SELECT title, pages + 10, rating * 2 FROM shop_book WHERE format = ? ORDER BY title", "hc");
        long changed;
        try (QueryCapture capture = QueryCapture.start()) {
            changed = Book.objects().filter("format", "hc").update("pages", F("pages").plus(10), "rating", F("rating").times(2));
            assertThat(capture.queries()).hasSize(1);
            assertThat(capture.queries().get(0).sql()).startsWith("UPDATE");
        }
        assertThat(changed).isEqualTo(3);
        assertThat(lists(Book.objects().filter("format", "hc").orderBy("title").valuesList("title", "pages", "rating")))
                .isEqualTo(expected);
    }

    @Test
    void textFunctions() {
        ShelfData.seed();
        var orm = Book.objects().annotate("lower", new Lower("title"))
                .annotate("upper", new Upper("title"))
                .annotate("len", new Length("title"))
                .annotate("label", new Concat("title", Value.of(" ("), "format", Value.of(")")))
                .annotate("part", new Substr("title", 2, 3))
                .annotate("tail", new Substr("title", 3))
                .annotate("trimmed", new Trim(new Concat(Value.of("  "), "title", Value.of(" "))))
                .annotate("swapped", new Replace("title", Value.of("e"), Value.of("3")))
                .orderBy("title")
                .valuesList("lower", "upper", "len", "label", "part", "tail", "trimmed", "swapped");
        assertThat(lists(orm)).isEqualTo(sql("SELECT LOWER(title), UPPER(title), LENGTH(title), title || ' (' || format || ')', "
                + "SUBSTR(title, 2, 3), SUBSTR(title, 3), TRIM('  ' || title || ' '), REPLACE(title, 'e', '3') "
                + "FROM shop_book ORDER BY title"));
    }

    @Test
    void numericAndNullFunctions() {
        ShelfData.seed();
        var orm = Book.objects()
                .annotate("r", new Coalesce("rating", Value.of(0.0)))
                .annotate("dist", new Abs(F("pages").minus(500)))
                .annotate("rounded", new Round(F("rating").times(1.37), 2))
                .annotate("hi", new Greatest("pages", Value.of(450)))
                .annotate("lo", new Least("pages", Value.of(450)))
                .orderBy("title")
                .valuesList("title", "r", "dist", "rounded", "hi", "lo");
        assertThat(lists(orm)).isEqualTo(sql("SELECT title, COALESCE(rating, 0.0), ABS(pages - 500), ROUND(rating * 1.37, 2), "
                + "MAX(pages, 450), MIN(pages, 450) FROM shop_book ORDER BY title"));
        Book dune = Book.objects().annotate("hi", new Greatest("pages", Value.of(450))).get("title", "Dune");
        assertThat(dune.annotation("hi")).isEqualTo(450);
    }

    @Test
    void dateFunctionsAndCast() {
        ShelfData.seed();
        var orm = Book.objects().filter("published__isnull", false)
                .annotate("year", new Extract("published", "year"))
                .annotate("month", new Extract("published", "month"))
                .annotate("day", new Extract("published", "day"))
                .annotate("hour", new Extract("lastRead", "hour"))
                .annotate("readOn", new TruncDate("lastRead"))
                .annotate("pagesText", new Cast("pages", OutputFields.TEXT))
                .annotate("priceInt", new Cast("price", OutputFields.INTEGER))
                .orderBy("title")
                .valuesList("title", "year", "month", "day", "hour", "readOn", "pagesText", "priceInt");
        assertThat(lists(orm)).isEqualTo(sql("SELECT title, CAST(STRFTIME('%Y', published) AS INTEGER), "
                + "CAST(STRFTIME('%m', published) AS INTEGER), CAST(STRFTIME('%d', published) AS INTEGER), "
                + "CAST(STRFTIME('%H', last_read) AS INTEGER), DATE(last_read), CAST(pages AS TEXT), CAST(price AS INTEGER) "
                + "FROM shop_book WHERE published IS NOT NULL ORDER BY title"));
        Book dune = Book.objects().annotate("readOn", new TruncDate("lastRead")).annotate("year", new Extract("published", "year"))
                .get("title", "Dune");
        assertThat(dune.annotation("readOn")).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(dune.annotation("year")).isEqualTo(1965);
        assertThat(Book.objects().filter("published__year__lt", 1850).orderBy("title").valuesListFlat("title").list())
                .containsExactly("Emma", "Ivanhoe");
    }

    @Test
    void nowIsTheDatabaseClock() {
        Book.objects().create("title", "Fresh");
        LocalDateTime before = LocalDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(1);
        Book.objects().all().update("lastRead", new Now());
        Object now = Book.objects().annotate("now", new Now()).get("title", "Fresh").annotation("now");
        assertThat(now).isInstanceOf(LocalDateTime.class);
        assertThat((LocalDateTime) now).isAfter(before).isBefore(before.plusMinutes(5));
        assertThat(Book.objects().get("title", "Fresh").lastRead).isAfter(before);
    }

    @Test
    void caseWhenAndExpressionWrapper() {
        ShelfData.seed();
        var size = new Case(new When(Q.of("pages__gte", 700), Value.of("long")),
                new When("pages__lt", 400, Value.of("short"))).otherwise(Value.of("medium"));
        var orm = Book.objects().annotate("size", size)
                .annotate("ratio", new ExpressionWrapper(F("pages").div(F("rating")), OutputFields.FLOAT))
                .orderBy("title").valuesList("title", "size", "ratio");
        assertThat(lists(orm)).isEqualTo(sql("SELECT title, CASE WHEN pages >= 700 THEN 'long' WHEN pages < 400 THEN 'short' "
                + "ELSE 'medium' END, pages / rating FROM shop_book ORDER BY title"));
        assertThat(Book.objects().annotate("size", size).filter("size", "short").count()).isEqualTo(2);
        Object hcPages = Book.objects().aggregate("n", new Sum(new Case(new When("format", "hc", "pages")).otherwise(Value.of(0))))
                .get("n");
        assertThat(ShelfData.normalize(hcPages))
                .isEqualTo(sql("SELECT SUM(CASE WHEN format = 'hc' THEN pages ELSE 0 END) FROM shop_book").get(0).get(0));
    }

    @Test
    void wrongExpressionsFailBeforeAnySql() {
        ShelfData.seed();
        try (QueryCapture capture = QueryCapture.start()) {
            assertThatThrownBy(() -> Book.objects().filter("pages__gt", new Sum("pages")))
                    .isInstanceOf(FieldError.class).hasMessageContaining("annotate it first");
            assertThatThrownBy(() -> Book.objects().annotate("x", F("title").plus(1)))
                    .isInstanceOf(FieldError.class).hasMessageContaining("text value");
            assertThatThrownBy(() -> Book.objects().annotate("x", new Coalesce("title", "pages")))
                    .isInstanceOf(FieldError.class).hasMessageContaining("mixed types: CharField, IntegerField");
            assertThatThrownBy(() -> Book.objects().annotate("x", new Sum("title")))
                    .isInstanceOf(FieldError.class).hasMessageContaining("Sum needs a number");
            assertThatThrownBy(() -> Book.objects().annotate("x", new Extract("pages", "year")))
                    .isInstanceOf(FieldError.class).hasMessageContaining("needs a DateField");
            assertThatThrownBy(() -> Book.objects().annotate("x", F("published").plus(1)))
                    .isInstanceOf(FieldError.class).hasMessageContaining("date arithmetic");
            assertThatThrownBy(() -> Book.objects().filter("pages", OuterRef.of("pages")).list())
                    .isInstanceOf(FieldError.class).hasMessageContaining("refers to an outer query");
            assertThatThrownBy(() -> Book.objects().annotate("n", new Sum("pages")).annotate("m", new Sum("n")))
                    .isInstanceOf(FieldError.class).hasMessageContaining("is an aggregate");
            assertThat(capture.queries()).isEmpty();
        }
    }
}
