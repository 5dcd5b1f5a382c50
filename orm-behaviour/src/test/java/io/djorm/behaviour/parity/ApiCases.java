package io.djorm.behaviour.parity;

import static io.djorm.behaviour.parity.Answers.ids;
import static io.djorm.behaviour.parity.Answers.row;
import static io.djorm.core.expressions.F.F;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.Q;
import io.djorm.core.QuerySet;
import io.djorm.core.expressions.Avg;
import io.djorm.core.expressions.Ceil;
import io.djorm.core.expressions.Chr;
import io.djorm.core.expressions.Concat;
import io.djorm.core.expressions.Count;
import io.djorm.core.expressions.CumeDist;
import io.djorm.core.expressions.Exists;
import io.djorm.core.expressions.Exp;
import io.djorm.core.expressions.Expression;
import io.djorm.core.expressions.FirstValue;
import io.djorm.core.expressions.Floor;
import io.djorm.core.expressions.LPad;
import io.djorm.core.expressions.LTrim;
import io.djorm.core.expressions.LastValue;
import io.djorm.core.expressions.Left;
import io.djorm.core.expressions.Length;
import io.djorm.core.expressions.Ln;
import io.djorm.core.expressions.Log;
import io.djorm.core.expressions.Mod;
import io.djorm.core.expressions.NthValue;
import io.djorm.core.expressions.Ntile;
import io.djorm.core.expressions.NullIf;
import io.djorm.core.expressions.Ord;
import io.djorm.core.expressions.OuterRef;
import io.djorm.core.expressions.OutputFields;
import io.djorm.core.expressions.PercentRank;
import io.djorm.core.expressions.Power;
import io.djorm.core.expressions.RPad;
import io.djorm.core.expressions.RTrim;
import io.djorm.core.expressions.Repeat;
import io.djorm.core.expressions.Reverse;
import io.djorm.core.expressions.Right;
import io.djorm.core.expressions.RowRange;
import io.djorm.core.expressions.Sign;
import io.djorm.core.expressions.Sqrt;
import io.djorm.core.expressions.StrIndex;
import io.djorm.core.expressions.Sum;
import io.djorm.core.expressions.Trim;
import io.djorm.core.expressions.Trunc;
import io.djorm.core.expressions.TruncDay;
import io.djorm.core.expressions.TruncHour;
import io.djorm.core.expressions.TruncMinute;
import io.djorm.core.expressions.TruncMonth;
import io.djorm.core.expressions.TruncQuarter;
import io.djorm.core.expressions.TruncSecond;
import io.djorm.core.expressions.TruncWeek;
import io.djorm.core.expressions.TruncYear;
import io.djorm.core.expressions.Value;
import io.djorm.core.expressions.ValueRange;
import io.djorm.core.expressions.Window;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Twin of corpus/api.py: dates()/datetimes(), Trunc*, text and math functions, window functions and frames,
 * Q holding an expression, negated Exists, unary minus, transforms in F and values(), many-to-many by key,
 * the through table, inBulk and annotationNames().
 */
final class ApiCases implements CaseSource {
    private static void x(Corpus c, String id, Manager<? extends Model> m, Supplier<Expression> e) {
        c.add("api." + id, () -> m.annotate("x", e.get()).valuesList("id", "x").list());
    }

    private static void f(Corpus c, String id, Supplier<QuerySet<? extends Model>> qs) {
        c.add("api." + id, () -> ids(qs.get()));
    }

    private static void w(Corpus c, String id, Supplier<Window> window) {
        c.add("api." + id, () -> Book.objects().annotate("x", window.get()).valuesList("id", "x").list());
    }

    private static Exists cheap() {
        return new Exists(Book.objects().filter("author", OuterRef.of("pk"), "price__lt", 9));
    }

    private static Expression padded() {
        return new Concat(Value.of("  "), "bio", Value.of("  "));
    }

    private static List<String> tagNames(Book b) {
        List<String> names = new ArrayList<>(b.tags.all().valuesListFlat("name", String.class).list());
        names.sort(Comparator.naturalOrder());
        return names;
    }

    @Override
    public void define(Corpus c) {
        functions(c);
        truncs(c);
        conditions(c);
        dates(c);
        windows(c);
        manyToMany(c);
        retrieval(c);
    }

    private static void functions(Corpus c) {
        var book = Book.objects();
        var author = Author.objects();
        var profile = Profile.objects();
        x(c, "left", book, () -> new Left("title", 3));
        x(c, "left_null", author, () -> new Left("email", 4));
        x(c, "right_nonascii", book, () -> new Right("title", 5));
        x(c, "strindex", book, () -> new StrIndex("title", Value.of("e")));
        x(c, "strindex_nonascii", book, () -> new StrIndex("title", Value.of("é")));
        x(c, "strindex_null", author, () -> new StrIndex("email", Value.of("@")));
        x(c, "lpad_fill", book, () -> new LPad("title", 8, Value.of("*")));
        x(c, "lpad_space", author, () -> new LPad("email", 20));
        x(c, "rpad_multi_fill", book, () -> new RPad("title", 12, Value.of("-=")));
        x(c, "repeat", book, () -> new Repeat(new Left("title", 2), 3));
        x(c, "repeat_null", author, () -> new Repeat("email", 2));
        x(c, "reverse_nonascii", book, () -> new Reverse("title"));
        x(c, "trim_both", profile, () -> new Trim(padded()));
        x(c, "ltrim", profile, () -> new LTrim(padded()));
        x(c, "rtrim", profile, () -> new RTrim(padded()));
        c.add("api.chr", () -> book.filter("pages__isnull", false).annotate("x", new Chr("pages")).valuesList("id", "x").list());
        c.add("api.chr_null", () -> book.filter("pages__isnull", true).annotate("x", new Chr("pages")).valuesList("id", "x").list());
        x(c, "ord_nonascii", author, () -> new Ord("name"));
        x(c, "ord_null_and_empty", profile, () -> new Ord("bio"));
        x(c, "sign_int", book, () -> new Sign(F("pages").minus(316)));
        x(c, "sign_decimal", book, () -> new Sign(F("price").minus(new BigDecimal("11.00"))));
        x(c, "power_int", book, () -> new Power("pages", 2));
        x(c, "power_float", author, () -> new Power("rating", 3));
        x(c, "sqrt_int", book, () -> new Sqrt("pages"));
        x(c, "sqrt_float", author, () -> new Sqrt("rating"));
        x(c, "exp_float", author, () -> new Exp("rating"));
        x(c, "ln_int", book, () -> new Ln("pages"));
        x(c, "log_base10", book, () -> new Log(10, "pages"));
        x(c, "log_base2_float", author, () -> new Log(2, "rating"));
        x(c, "ceil_decimal", book, () -> new Ceil("price"));
        x(c, "floor_decimal", book, () -> new Floor("price"));
        x(c, "ceil_float", author, () -> new Ceil("rating"));
        x(c, "floor_int", book, () -> new Floor("pages"));
        x(c, "mod_int", book, () -> new Mod("pages", 7));
        x(c, "mod_negative_dividend", book, () -> new Mod(F("pages").minus(400), 7));
        x(c, "nullif_int", book, () -> new NullIf("pages", Value.of(412)));
        x(c, "nullif_text", author, () -> new NullIf("email", Value.of("toni@example.com")));
        x(c, "nullif_fields", book, () -> new NullIf("author", "editor"));
        x(c, "neg_int", book, () -> F("pages").neg());
        x(c, "neg_decimal", book, () -> F("price").neg());
        x(c, "neg_float", author, () -> F("rating").neg());
        x(c, "f_year_transform", book, () -> F("published__year"));
        x(c, "f_transform_across_fk", book, () -> F("author__born__year"));
        x(c, "f_transform_arithmetic", book, () -> F("published__year").minus(F("author__born__year")));
        x(c, "f_hour_transform", book, () -> F("opened__hour"));
    }

    private static void truncs(Corpus c) {
        var book = Book.objects();
        x(c, "trunc_year_date", book, () -> new TruncYear("published"));
        x(c, "trunc_quarter_date", book, () -> new TruncQuarter("published"));
        x(c, "trunc_month_date", book, () -> new TruncMonth("published"));
        x(c, "trunc_week_date", book, () -> new TruncWeek("published"));
        x(c, "trunc_day_date", book, () -> new TruncDay("published"));
        x(c, "trunc_year_datetime", book, () -> new TruncYear("opened"));
        x(c, "trunc_quarter_datetime", book, () -> new TruncQuarter("opened"));
        x(c, "trunc_week_datetime", book, () -> new TruncWeek("opened"));
        x(c, "trunc_day_datetime", book, () -> new TruncDay("opened"));
        x(c, "trunc_hour", book, () -> new TruncHour("opened"));
        x(c, "trunc_minute", book, () -> new TruncMinute("opened"));
        x(c, "trunc_second_drops_micro", book, () -> new TruncSecond("opened"));
        x(c, "trunc_second_profile", Profile.objects(), () -> new TruncSecond("joined"));
        x(c, "trunc_kind_month", book, () -> new Trunc("opened", "month"));
        x(c, "trunc_kind_year_date", book, () -> new Trunc("published", "year"));
        x(c, "trunc_datetime_to_date", book, () -> new TruncMonth("opened", OutputFields.DATE));
        c.add("api.trunc_hour_of_date", () -> book.annotate("x", new TruncHour("published")).list());
        f(c, "trunc_filter_eq", () -> book.annotate("y", new TruncYear("published")).filter("y", LocalDate.of(1965, 1, 1)));
        f(c, "trunc_filter_gte", () -> book.annotate("m", new TruncMonth("published")).filter("m__gte", LocalDate.of(1976, 4, 1)));
        f(c, "trunc_filter_datetime", () -> book.annotate("d", new TruncDay("opened"))
                .filter("d", LocalDateTime.of(2024, 3, 1, 0, 0)));
        f(c, "trunc_filter_isnull", () -> book.annotate("d", new TruncHour("opened")).filter("d__isnull", true));
        f(c, "trunc_order_desc", () -> book.orderBy(new TruncYear("published").desc().nullsLast(), "id"));
        f(c, "trunc_order_annotation", () -> book.annotate("q", new TruncQuarter("opened")).orderBy("q", "-id"));
        c.add("api.trunc_values_group", () -> book.annotate("y", new TruncYear("opened")).values("y")
                .annotate("n", new Count("id")).orderBy("y").list());
        c.add("api.trunc_values_list_month", () -> book.annotate("m", new TruncMonth("published")).filter("pages__gt", 300)
                .valuesList("title", "m").list());
    }

    private static void conditions(Corpus c) {
        var book = Book.objects();
        var author = Author.objects();
        x(c, "not_exists_annotation", author, () -> new Exists(book.filter("author", OuterRef.of("pk"))).negate());
        f(c, "q_exists_or", () -> author.filter(Q.of(cheap()).or(Q.of("email__isnull", true))));
        f(c, "q_exists_and_lookup", () -> author.filter(Q.of(cheap()).and(Q.of("rating__gte", 4.5))));
        f(c, "q_not_exists_and", () -> author.filter(Q.of(cheap()).negate().and(Q.of("rating__isnull", false))));
        f(c, "q_exists_or_annotation", () -> author.annotate("n", new Count("books")).filter(Q.of(cheap()).or(Q.of("n__gte", 3))));
        f(c, "not_exists_filter", () -> author.filter(new Exists(book.filter("author", OuterRef.of("pk"))).negate()));
        f(c, "not_exists_m2m", () -> book.filter(new Exists(Tag.objects().filter("books", OuterRef.of("pk"), "name", "classic"))
                .negate()));
        f(c, "neg_order", () -> book.orderBy(F("pages").neg(), "id"));
        f(c, "neg_filter", () -> book.filter("pages__lt", F("id").neg().plus(200)));
        f(c, "f_transform_filter", () -> book.filter("published__year__lt", F("author__born__year").plus(40)));
        f(c, "f_transform_order", () -> book.orderBy(F("published__month").asc().nullsLast(), "id"));
        f(c, "f_transform_datetime_filter", () -> book.filter("opened__year__gt", F("published__year").plus(60)));
    }

    private static void dates(Corpus c) {
        var book = Book.objects();
        c.add("api.dates_year", () -> book.dates("published", "year").list());
        c.add("api.dates_month_desc", () -> book.dates("published", "month", "DESC").list());
        c.add("api.dates_week", () -> book.dates("published", "week").list());
        c.add("api.dates_day_filtered", () -> book.filter("printed", false).dates("published", "day").list());
        c.add("api.dates_of_datetime", () -> book.dates("opened", "day").list());
        c.add("api.dates_across_fk_filter", () -> book.filter("author__name__startswith", "J").dates("published", "month").list());
        c.add("api.datetimes_year", () -> book.datetimes("opened", "year").list());
        c.add("api.datetimes_month_desc", () -> book.datetimes("opened", "month", "DESC").list());
        c.add("api.datetimes_hour", () -> book.datetimes("opened", "hour").list());
        c.add("api.datetimes_minute", () -> book.datetimes("opened", "minute").list());
        c.add("api.datetimes_second", () -> book.datetimes("opened", "second").list());
        c.add("api.datetimes_second_profile", () -> Profile.objects().datetimes("joined", "second").list());
    }

    private static void windows(Corpus c) {
        w(c, "ntile_4", () -> new Window(new Ntile(4)).orderBy(F("pages").asc(), F("id").asc()));
        w(c, "ntile_partition", () -> new Window(new Ntile(2)).partitionBy("author").orderBy(F("id").asc()));
        w(c, "percent_rank", () -> new Window(new PercentRank()).orderBy(F("price").asc()));
        w(c, "cume_dist", () -> new Window(new CumeDist()).orderBy(F("pages").asc()));
        w(c, "cume_dist_partition", () -> new Window(new CumeDist()).partitionBy("printed").orderBy(F("price").desc()));
        w(c, "first_value", () -> new Window(new FirstValue("title")).partitionBy("author").orderBy(F("id").asc()));
        w(c, "last_value_unbounded", () -> new Window(new LastValue("pages")).partitionBy("author").orderBy(F("id").asc())
                .frame(new RowRange(null, null)));
        w(c, "last_value_default_frame", () -> new Window(new LastValue("price")).orderBy(F("id").asc()));
        w(c, "nth_value", () -> new Window(new NthValue("pages", 2)).orderBy(F("id").asc()));
        w(c, "nth_value_partition", () -> new Window(new NthValue("title", 2)).partitionBy("author").orderBy(F("id").asc())
                .frame(new RowRange(null, null)));
        w(c, "sum_rows_prev", () -> new Window(new Sum("pages")).orderBy(F("id").asc()).frame(new RowRange(-1, 0)));
        w(c, "sum_rows_running", () -> new Window(new Sum("pages")).orderBy(F("id").asc()).frame(new RowRange(null, 0)));
        w(c, "sum_rows_centered", () -> new Window(new Sum("price")).orderBy(F("id").asc()).frame(new RowRange(-1, 1)));
        w(c, "count_rows_following", () -> new Window(new Count("id")).partitionBy("author").orderBy(F("id").asc())
                .frame(new RowRange(0, null)));
        w(c, "sum_value_range", () -> new Window(new Sum("pages")).orderBy(F("pages").asc()).frame(new ValueRange(-100, 0)));
        w(c, "avg_value_range_unbounded", () -> new Window(new Avg("pages")).orderBy(F("pages").asc())
                .frame(new ValueRange(null, 0)));
        w(c, "count_value_range_ties", () -> new Window(new Count("id")).orderBy(F("price").asc()).frame(new ValueRange(0, 0)));
    }

    private static void manyToMany(Corpus c) {
        var book = Book.objects();
        c.write("api.m2m_add_pks", () -> {
            Book b = book.get("pk", 4);
            b.tags.addPks(2, 5);
            return tagNames(b);
        });
        c.write("api.m2m_add_pks_existing", () -> {
            Book b = book.get("pk", 1);
            b.tags.addPks(1, 6);
            return tagNames(b);
        });
        c.write("api.m2m_remove_pks", () -> {
            Book b = book.get("pk", 1);
            b.tags.removePks(2, 5);
            return row(tagNames(b), Tag.objects().get("pk", 2).books().count());
        });
        c.write("api.m2m_set_pks", () -> {
            Book b = book.get("pk", 3);
            b.tags.setPks(List.of(1, 6));
            return tagNames(b);
        });
        c.write("api.m2m_set_pks_empty", () -> {
            Book b = book.get("pk", 9);
            b.tags.setPks(List.of());
            return row(tagNames(b), book.filter("tags__isnull", false).distinct().count());
        });
        c.add("api.through_filter", () -> book.through("tags").filter("tag__name", "classic").values("book_id", "tag_id").list());
        c.add("api.through_across_both", () -> book.through("tags")
                .filter("book__title__startswith", "D", "tag__name__in", List.of("sf", "classic"))
                .values("book__title", "tag__name").list());
        c.add("api.through_count", () -> book.through("tags").count());
    }

    private static void retrieval(Corpus c) {
        var book = Book.objects();
        c.add("api.values_transform", () -> book.values("published__year").list());
        c.add("api.values_transform_across_fk", () -> book.filter("pages__gt", 300).valuesList("id", "author__born__year").list());
        c.add("api.in_bulk_ids", () -> book.inBulk(List.of(1L, 2L, 99L)));
        c.add("api.in_bulk_field", () -> Author.objects().inBulk(
                List.of("toni@example.com", "nobody@example.com", "JORGE@example.AR"), "email"));
        c.add("api.in_bulk_all", () -> Tag.objects().inBulk());
        c.add("api.in_bulk_empty", () -> book.inBulk(List.of()));
        c.add("api.in_bulk_filtered", () -> book.filter("printed", false).inBulk(List.of(1L, 4L, 8L)));
        c.add("api.in_bulk_non_unique", () -> book.inBulk(List.of("Dune"), "title"));
        c.add("api.annotation_names", () -> {
            Book b = book.annotate("tagCount", new Count("tags")).annotate("upper", new Length("title"))
                    .annotate("half", F("pages").div(2)).get("pk", 1);
            List<String> names = b.annotationNames();
            return row(names, names.stream().map(b::annotation).toList());
        });
    }
}
