package io.djorm.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.behaviour.shop.Author;
import io.djorm.behaviour.shop.Book;
import io.djorm.core.FieldError;
import io.djorm.core.ValueError;
import io.djorm.core.expressions.Expression;
import io.djorm.core.expressions.OutputFields;
import io.djorm.core.expressions.Trunc;
import io.djorm.core.expressions.TruncDay;
import io.djorm.core.expressions.TruncHour;
import io.djorm.core.expressions.TruncMinute;
import io.djorm.core.expressions.TruncMonth;
import io.djorm.core.expressions.TruncQuarter;
import io.djorm.core.expressions.TruncSecond;
import io.djorm.core.expressions.TruncWeek;
import io.djorm.core.expressions.TruncYear;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, section 3: Trunc and its kinds on dates and datetimes, and QuerySet.dates/datetimes. The
 * expected values are computed with java.time from the stored values, so the check needs no SQL.
 */
class TruncTest extends BehaviourTest {
    /** A datetime with microseconds, on a Sunday, at the end of a quarter. */
    private static final LocalDateTime PRECISE = LocalDateTime.of(2023, 12, 31, 23, 59, 58, 123_456_000);

    @Override
    protected List<Class<?>> models() {
        return List.of(Author.class, Book.class);
    }

    private static void seed() {
        ShelfData.seed();
        Book b = Book.titled("Zeno");
        b.published = LocalDate.of(2024, 1, 1);   // a Monday
        b.lastRead = PRECISE;
        b.save();
    }

    private static List<Book> books() {
        return Book.objects().orderBy("title").list();
    }

    private static <V> List<Object> expected(java.util.function.Function<Book, V> source, java.util.function.Function<V, ?> cut) {
        List<Object> out = new ArrayList<>();
        for (Book b : books()) {
            V v = source.apply(b);
            out.add(v == null ? null : cut.apply(v));
        }
        return out;
    }

    private static List<Object> actual(Expression e) {
        return FunctionsTest.firsts(Book.objects().annotate("t", e).orderBy("title").valuesList("t"));
    }

    private static LocalDate quarterStart(LocalDate d) {
        return LocalDate.of(d.getYear(), (d.getMonthValue() - 1) / 3 * 3 + 1, 1);
    }

    @Test
    void everyKindOfADateIsADate() {
        seed();
        assertThat(actual(new TruncYear("published"))).isEqualTo(expected(b -> b.published, d -> d.withDayOfYear(1)));
        assertThat(actual(new TruncQuarter("published"))).isEqualTo(expected(b -> b.published, TruncTest::quarterStart));
        assertThat(actual(new TruncMonth("published"))).isEqualTo(expected(b -> b.published, d -> d.withDayOfMonth(1)));
        assertThat(actual(new TruncWeek("published")))
                .isEqualTo(expected(b -> b.published, d -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))));
        assertThat(actual(new TruncDay("published"))).isEqualTo(expected(b -> b.published, d -> d));
        assertThat(actual(new TruncMonth("published"))).filteredOn(Objects::nonNull).allMatch(v -> v instanceof LocalDate);
        assertThat(actual(new TruncMonth("published"))).containsOnlyOnce((Object) null);   // Beloved has no date
    }

    @Test
    void everyKindOfADatetimeIsADatetime() {
        seed();
        assertThat(actual(new TruncYear("lastRead")))
                .isEqualTo(expected(b -> b.lastRead, t -> t.toLocalDate().withDayOfYear(1).atStartOfDay()));
        assertThat(actual(new TruncQuarter("lastRead")))
                .isEqualTo(expected(b -> b.lastRead, t -> quarterStart(t.toLocalDate()).atStartOfDay()));
        assertThat(actual(new TruncMonth("lastRead")))
                .isEqualTo(expected(b -> b.lastRead, t -> t.toLocalDate().withDayOfMonth(1).atStartOfDay()));
        assertThat(actual(new TruncWeek("lastRead"))).isEqualTo(expected(b -> b.lastRead,
                t -> t.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay()));
        assertThat(actual(new TruncDay("lastRead"))).isEqualTo(expected(b -> b.lastRead, t -> t.truncatedTo(ChronoUnit.DAYS)));
        assertThat(actual(new TruncHour("lastRead"))).isEqualTo(expected(b -> b.lastRead, t -> t.truncatedTo(ChronoUnit.HOURS)));
        assertThat(actual(new TruncMinute("lastRead")))
                .isEqualTo(expected(b -> b.lastRead, t -> t.truncatedTo(ChronoUnit.MINUTES)));
        assertThat(actual(new TruncSecond("lastRead")))
                .isEqualTo(expected(b -> b.lastRead, t -> t.truncatedTo(ChronoUnit.SECONDS)));
        assertThat(actual(new Trunc("lastRead", "second"))).contains(LocalDateTime.of(2023, 12, 31, 23, 59, 58));
    }

    @Test
    void aDatetimeCutToADateWithAnOutputField() {
        seed();
        assertThat(actual(new TruncMonth("lastRead", OutputFields.DATE)))
                .isEqualTo(expected(b -> b.lastRead, t -> t.toLocalDate().withDayOfMonth(1)));
        assertThat(actual(new TruncHour("lastRead", OutputFields.TIME)))
                .isEqualTo(expected(b -> b.lastRead, t -> t.toLocalTime().truncatedTo(ChronoUnit.HOURS)));
    }

    @Test
    void timesAndTypedLiterals() {
        seed();
        var time = io.djorm.core.expressions.Value.of(java.time.LocalTime.of(13, 45, 12, 500_000_000), OutputFields.TIME);
        var date = io.djorm.core.expressions.Value.of(LocalDate.of(2024, 8, 17), OutputFields.DATE);
        var row = Book.objects().filter("title", "Dune")
                .annotate("h", new TruncHour(time)).annotate("m", new TruncMinute(time)).annotate("s", new TruncSecond(time))
                .annotate("q", new TruncQuarter(date)).annotate("w", new TruncWeek(date))
                .valuesList("h", "m", "s", "q", "w").get();
        assertThat(row).containsExactly(java.time.LocalTime.of(13, 0), java.time.LocalTime.of(13, 45),
                java.time.LocalTime.of(13, 45, 12), LocalDate.of(2024, 7, 1), LocalDate.of(2024, 8, 12));
        assertThatThrownBy(() -> Book.objects().annotate("t", new TruncDay(time))).isInstanceOf(ValueError.class)
                .hasMessageContaining("TimeField");
        assertThatThrownBy(() -> Book.objects().annotate("t", new Trunc(io.djorm.core.expressions.Value.of("2024-01-01"), "year")))
                .isInstanceOf(FieldError.class).hasMessageContaining("output field");
    }

    @Test
    void truncInFilterOrderByAndGrouping() {
        seed();
        var decades = Book.objects().annotate("y", new TruncYear("published"));
        assertThat(decades.filter("y", LocalDate.of(1871, 1, 1)).valuesListFlat("title", String.class).list())
                .containsExactly("Middlemarch");
        assertThat(decades.filter("y__lt", LocalDate.of(1820, 1, 1)).orderBy("-y").valuesListFlat("title", String.class).list())
                .containsExactly("Ivanhoe", "Emma");
        var perMonth = Book.objects().annotate("m", new TruncMonth("lastRead")).filter("m__isnull", false)
                .values("m").annotate("n", new io.djorm.core.expressions.Count("id")).orderBy("m").valuesList("m", "n");
        assertThat(perMonth.list()).containsExactly(
                List.of(LocalDateTime.of(2022, 6, 1, 0, 0), 1L), List.of(LocalDateTime.of(2023, 11, 1, 0, 0), 1L),
                List.of(LocalDateTime.of(2023, 12, 1, 0, 0), 1L), List.of(LocalDateTime.of(2024, 3, 1, 0, 0), 2L));
        assertThat(Book.objects().annotate("h", new TruncHour("lastRead"))
                .filter("h", LocalDateTime.of(2023, 12, 31, 23, 0)).count()).isEqualTo(1);
    }

    @Test
    void datesAreDistinctTruncatedAndOrdered() {
        seed();
        var years = new TreeSet<LocalDate>();
        for (Book b : books()) if (b.published != null) years.add(b.published.withDayOfYear(1));
        assertThat(Book.objects().dates("published", "year").list()).containsExactlyElementsOf(years);
        assertThat(Book.objects().dates("published", "year", "DESC").list()).containsExactlyElementsOf(years.descendingSet());
        assertThat(Book.objects().dates("lastRead", "month").list()).containsExactly(LocalDate.of(2022, 6, 1),
                LocalDate.of(2023, 11, 1), LocalDate.of(2023, 12, 1), LocalDate.of(2024, 3, 1));
        assertThat(Book.objects().filter("format", "hc").dates("published", "day", "DESC").list())
                .containsExactly(LocalDate.of(1922, 2, 2), LocalDate.of(1871, 12, 1), LocalDate.of(1815, 12, 23));
        assertThat(Book.objects().dates("published", "week").list()).first().isEqualTo(LocalDate.of(1815, 12, 18));
    }

    @Test
    void datetimesAreDistinctTruncatedAndOrdered() {
        seed();
        assertThat(Book.objects().datetimes("lastRead", "day").list()).containsExactly(
                LocalDateTime.of(2022, 6, 15, 0, 0), LocalDateTime.of(2023, 11, 30, 0, 0), LocalDateTime.of(2023, 12, 31, 0, 0),
                LocalDateTime.of(2024, 3, 1, 0, 0), LocalDateTime.of(2024, 3, 2, 0, 0));
        assertThat(Book.objects().datetimes("lastRead", "year", "DESC").list()).containsExactly(
                LocalDateTime.of(2024, 1, 1, 0, 0), LocalDateTime.of(2023, 1, 1, 0, 0), LocalDateTime.of(2022, 1, 1, 0, 0));
        assertThat(Book.objects().datetimes("lastRead", "second").list()).contains(LocalDateTime.of(2023, 12, 31, 23, 59, 58));
        assertThat(Book.objects().none().datetimes("lastRead", "hour").list()).isEmpty();
    }

    @Test
    void wrongKindsAndTypesAreRefusedBeforeSql() {
        assertThatThrownBy(() -> new Trunc("published", "decade")).isInstanceOf(FieldError.class)
                .hasMessageContaining("year, quarter, month");
        assertThatThrownBy(() -> Book.objects().annotate("t", new TruncHour("published"))).isInstanceOf(ValueError.class)
                .hasMessageContaining("DateField");
        assertThatThrownBy(() -> Book.objects().annotate("t", new TruncYear("title"))).isInstanceOf(FieldError.class)
                .hasMessageContaining("CharField");
        assertThatThrownBy(() -> Book.objects().dates("published", "hour")).isInstanceOf(FieldError.class)
                .hasMessageContaining("year, month, week, day");
        assertThatThrownBy(() -> Book.objects().dates("published", "year", "UP")).isInstanceOf(FieldError.class)
                .hasMessageContaining("\"ASC\" or \"DESC\"");
        assertThatThrownBy(() -> Book.objects().datetimes("published", "day")).isInstanceOf(ValueError.class)
                .hasMessageContaining("DateTimeField");
    }
}
